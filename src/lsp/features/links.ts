/**
 * Document links: the files a configuration names (`errorfile`, `lua-load`, `crt`, `ca-file`,
 * `crl-file`, `crt-list`, `-f` pattern files, `map(…)` converters, `http-request return … file`…)
 * that exist, resolved as HAProxy resolves them: an absolute path as is; a relative one from
 * `crt-base`/`ca-base` for certificates and CAs, else by the `default-path` policy in effect
 * (`current`: the directory HAProxy starts in, taken to be the workspace folder, then the
 * configuration's own directory; `config`, `parent`, `origin <dir>`).
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection, DocumentLink, ServerCapabilities } from 'vscode-languageserver';
import type { Line, Word } from '../../parser/ast.js';
import type { DocumentModels } from './documents.js';

export const linkCapabilities: ServerCapabilities = { documentLinkProvider: { resolveProvider: false } };

type Base = 'crt' | 'ca' | 'plain';

/** Keywords whose argument at an index is a file. */
const FILE_ARGUMENT: Record<string, number> = {
  errorfile: 1, 'lua-load': 0, 'lua-load-per-thread': 0, 'ssl-dh-param-file': 0, 'server-state-file': 0, 'h1-case-adjust-file': 0,
};

/** Options (any line) followed by a file. */
const FILE_OPTION: Record<string, Base> = {
  crt: 'crt', 'crt-list': 'crt', key: 'crt', ocsp: 'crt', issuer: 'crt', sctl: 'crt',
  'ca-file': 'ca', 'crl-file': 'ca', 'ca-verify-file': 'ca',
  '-f': 'plain', file: 'plain', 'lf-file': 'plain', errorfile: 'plain',
};

/** `map(file)`, `map_beg(file,default)`, … inside a sample expression. */
const MAP_CONVERTER = /\bmap(?:_[a-z]+)*\(([^,()]+)/g;

/** Where relative paths start, as the lines before have set it. */
interface PathPolicy {
  defaultPath: { kind: 'current' | 'config' | 'parent' } | { kind: 'origin'; dir: string };
  crtBase?: string;
  caBase?: string;
}

export function registerLinks(connection: Connection, models: DocumentModels, workspaceRoot: () => string | undefined): void {
  connection.onDocumentLinks((params) => {
    const uri = params.textDocument.uri;
    const model = models.get(uri);
    if (!model || !uri.startsWith('file:')) return null;
    const configDir = dirname(fileURLToPath(uri));
    // the global settings of the files loaded before this one (`crt-base` in haproxy.cfg applies to conf.d/)
    const policy: PathPolicy = { defaultPath: { kind: 'current' } };
    for (const member of models.members(uri)) {
      if (member === uri) break;
      const before = models.getAny(member);
      if (before && member.startsWith('file:')) for (const line of before.file.lines) readPolicy(line, policy, dirname(fileURLToPath(member)));
    }
    const links: DocumentLink[] = [];
    const link = (start: number, end: number, path: string, base: Base) => {
      const target = resolvePath(path, base, policy, configDir, workspaceRoot());
      if (target) links.push({ range: { start: model.document.positionAt(start), end: model.document.positionAt(end) }, target: pathToFileURL(target).href });
    };
    for (const line of model.file.lines) {
      if (line.kind !== 'keyword') continue;
      readPolicy(line, policy, configDir);
      for (const [word, base] of fileWords(line)) link(word.start, word.end, word.value, base);
      for (const word of line.args) {
        if (!word.value.includes('map') || word.raw !== word.value) continue;
        for (const m of word.value.matchAll(MAP_CONVERTER)) {
          const at = word.start + m.index! + m[0].length - m[1]!.length;
          link(at, at + m[1]!.length, m[1]!, 'plain');
        }
      }
    }
    return links;
  });
}

function readPolicy(line: Line, policy: PathPolicy, configDir: string): void {
  const first = line.args[0]?.value;
  if (first === undefined || line.modifier) return;
  if (line.keyword === 'default-path') {
    if (first === 'current' || first === 'config' || first === 'parent') policy.defaultPath = { kind: first };
    else if (first === 'origin' && line.args[1]) policy.defaultPath = { kind: 'origin', dir: resolve(configDir, line.args[1].value) };
  } else if (line.keyword === 'crt-base') policy.crtBase = first;
  else if (line.keyword === 'ca-base') policy.caBase = first;
}

/** The words of a line that name files, with the base directory that applies to each. */
function fileWords(line: Line): [Word, Base][] {
  const found: [Word, Base][] = [];
  const args = line.args;
  const index = FILE_ARGUMENT[line.keyword];
  if (index !== undefined && args[index]) found.push([args[index]!, 'plain']);
  if (line.keyword === 'crt-base' || line.keyword === 'ca-base') found.push([args[0]!, 'plain']);
  for (let i = 1; i < args.length; i++) {
    const base = FILE_OPTION[args[i - 1]!.value];
    if (base && !(line.keyword === 'errorfile' && i === 1)) found.push([args[i]!, base]);
  }
  return found.filter(([word]) => word.value !== '' && word.envRefs.length === 0 && !/[%$]/.test(word.value));
}

/** The file a path names, when it exists. */
function resolvePath(path: string, base: Base, policy: PathPolicy, configDir: string, root: string | undefined): string | undefined {
  const starts = (dir: string) => (isAbsolute(dir) ? [dir] : startDirs(policy, configDir, root).map((start) => resolve(start, dir)));
  let candidates: string[];
  if (isAbsolute(path)) candidates = [path];
  else {
    const prefix = base === 'crt' ? policy.crtBase : base === 'ca' ? policy.caBase : undefined;
    candidates = prefix !== undefined ? starts(prefix).map((dir) => resolve(dir, path)) : starts(path);
  }
  return candidates.find((candidate) => existsSync(candidate));
}

function startDirs(policy: PathPolicy, configDir: string, root: string | undefined): string[] {
  switch (policy.defaultPath.kind) {
    case 'config':
      return [configDir];
    case 'parent':
      return [dirname(configDir)];
    case 'origin':
      return [policy.defaultPath.dir];
    default:
      return root !== undefined && root !== configDir ? [root, configDir] : [configDir];
  }
}


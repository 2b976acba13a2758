import type { Fix, Rule } from '../engine/types.js';
import type { ConfigFile, Line, Section, Word } from '../parser/ast.js';
import { isNamedDefaultsOnly, VERSIONS, type RemovedKeyword } from '../grammar/index.js';
import { versionLabel } from '../grammar/versions.js';
import { classify, versionNumber } from './keywords/classify.js';
import { hasEnv } from './keywords/knowledge.js';

export const rule: Rule = {
  id: 'removed-keyword',
  description: 'A keyword HAProxy removed (error) or deprecated (warning) in the target version, with its replacement',
  severity: 'error',
  fixable: 'safe',
  group: 'keywords',
  docs: {
    what:
      "Reports keywords HAProxy no longer accepts in the target version (`--target-version`, default 3.4, the newest LTS) — `contimeout`/`clitimeout`/`srvtimeout`, `reqadd`/`reqrep`/`rspadd`/… , `block`, `redispatch`, `monitor-net`, `option forceclose`, `option http-tunnel`, `nbproc`, `bind-process`, the `program` section … — as errors, and deprecated ones (still accepted, with a warning, or removed in a later version) as warnings. The message names the version and the replacement HAProxy itself recommends. A keyword whose last version (per the manuals and the binaries' keyword dumps) is older than the target is an error too, even when no replacement is known: the global `trace` (a `traces` section since 3.2), `no-quic` (3.4), the `tune.quic.frontend.*` and other QUIC settings renamed `tune.quic.fe.*` in 3.5. After a global `expose-deprecated-directives`, a deprecated `program` section, `dispatch` or `option transparent` is an info: HAProxy no longer warns about them (they are still removed later).",
    why: 'HAProxy refuses to start on a removed keyword ("the \'contimeout\' directive is not supported anymore since HAProxy 2.1"), which typically bites when an old configuration meets a new package; deprecated keywords are the next ones to break.',
    bad: 'defaults\n    mode http\n    contimeout 5s\n    clitimeout 30s\n    srvtimeout 30s\n',
    good: 'defaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n',
    fixSafety:
      "Safe where the replacement is exact: `contimeout`/`clitimeout`/`srvtimeout` → `timeout connect/client/server`, `redispatch` → `option redispatch`, `block` → `http-request deny` (same syntax), `option forceclose` → `option httpclose`, `option independant-streams` → `option independent-streams`, `reqadd`/`rspadd` → `http-request`/`http-response add-header` when the header line is plain text, deleting `bind-process`, `option http-tunnel` and `nbproc 1`, which have no effect any more, and the pure renames (`tune.quic.frontend.max-idle-timeout` → `tune.quic.fe.max-idle-timeout` …). Unsafe: `reqdel`/`rspdel` of a single anchored header name → `del-header` (matching becomes case-insensitive), `monitor-net` → `http-request return status 200 if { src … }` (evaluated in another order), deleting `nbproc N`. Everything else (regex rewrites such as `reqrep`) has no automatic fix.",
  },
  check({ file, targetVersion, report }) {
    const target = versionNumber(targetVersion);
    for (const v of classify(file, targetVersion)) {
      if (v.kind === 'dropped') {
        const what = v.line === v.section.header ? `the '${v.keyword}' section` : `'${v.keyword}'`;
        report({ message: `${what} is not available after HAProxy ${versionLabel(v.last)} (target version ${versionLabel(targetVersion)}): HAProxy refuses it`, start: v.word.start, end: v.word.end });
        continue;
      }
      if (v.kind !== 'removed') continue;
      const { entry, line, section } = v;
      const since = versionNumber(entry.since ?? '');
      let severity: 'error' | 'warning' | 'info';
      let message: string;
      const name = v.keyword === section.kind && line === section.header ? `the '${entry.name}' section` : `'${entry.name}'`;
      if (entry.status === 'removed' && (since < 0 || since <= target)) {
        severity = 'error';
        message = entry.since ? `${name} is not supported anymore since HAProxy ${entry.since}` : `${name} is not supported anymore`;
      } else if (entry.status === 'removed' && since <= nextVersion(targetVersion)) {
        severity = 'warning';
        message = `${name} is deprecated and removed in HAProxy ${entry.since}`;
      } else if (since < 0 || since <= target) {
        severity = 'warning';
        message = entry.since ? `${name} is deprecated since HAProxy ${entry.since}` : `${name} is deprecated`;
      } else continue;
      if (entry.replacement) message += `: use '${entry.replacement}' instead`;
      if (entry.note) message += ` (${entry.note})`;
      if (severity === 'warning' && EXPOSABLE.has(entry.name) && exposedBefore(file, line)) {
        severity = 'info';
        message += "; `expose-deprecated-directives` silences HAProxy's warning until then";
      }
      const words = line.words;
      const end = entry.name === 'mode health' ? (line.args[0]?.end ?? words[0]!.end) : words[line.keywordWordCount - 1]!.end;
      report({ message, start: words[0]!.start, end, severity, fix: acceptedIn(section, fixFor(entry, line, section)) });
    }
  },
};

/** deprecated directives with no alternative, whose warning `expose-deprecated-directives` silences (manual 3.2+) */
const EXPOSABLE = new Set(['program', 'dispatch', 'option transparent']);

/** whether a global `expose-deprecated-directives` comes before `line` (HAProxy only honours it before the directive) */
function exposedBefore(file: ConfigFile, line: Line): boolean {
  return file.lines.some((l) => l.start < line.start && l.kind === 'keyword' && l.keyword === 'expose-deprecated-directives');
}

/** The version number of the release after the target (2.6 → 2.8 covers 2.7): removals that close are worth a warning. */
function nextVersion(target: string): number {
  const i = VERSIONS.indexOf(target as never);
  return versionNumber(VERSIONS[Math.min(i + 1, VERSIONS.length - 1)]!);
}

const KEYWORD_SWAPS: Record<string, [string, 'safe' | 'unsafe']> = {
  contimeout: ['timeout connect', 'safe'],
  clitimeout: ['timeout client', 'safe'],
  srvtimeout: ['timeout server', 'safe'],
  block: ['http-request deny', 'safe'],
};

/**
 * The fix, unless the section would refuse the replacement: an anonymous `defaults` section takes no
 * rules (`block` → `http-request deny` is refused there: "'http-request' not allowed in anonymous 'defaults' section").
 */
function acceptedIn(section: Section, fix: Fix | undefined): Fix | undefined {
  if (!fix || section.kind !== 'defaults' || section.name) return fix;
  const refused = fix.edits.some((edit) => {
    const head = edit.text.split(' ')[0]!;
    return head !== '' && VERSIONS.some((v) => isNamedDefaultsOnly(head, v));
  });
  return refused ? undefined : fix;
}

function deleteLine(line: Line, applicability: 'safe' | 'unsafe', description: string): Fix {
  return { description, applicability, edits: [{ start: line.start, end: line.end, text: '' }] };
}

function fixFor(entry: RemovedKeyword, line: Line, section: Section): Fix | undefined {
  if (line.modifier) return undefined;
  const kwWords = line.words.slice(0, line.keywordWordCount);
  const first = kwWords[0]!;
  const args = line.args;
  if (args.some((w) => hasEnv(w)) && entry.name !== 'bind-process') return undefined;
  if (entry.rename && entry.status === 'removed') {
    const end = kwWords[kwWords.length - 1]!;
    return { description: `rename to '${entry.replacement}'`, applicability: 'safe', edits: [{ start: first.start, end: end.end, text: entry.replacement! }] };
  }
  const swap = KEYWORD_SWAPS[entry.name];
  if (swap) {
    if (entry.name !== 'block' && args.length !== 1) return undefined;
    if (entry.name === 'block' && args.length === 0) return undefined;
    return { description: `replace '${first.raw}' with '${swap[0]}'`, applicability: swap[1], edits: [{ start: first.start, end: first.end, text: swap[0] }] };
  }
  switch (entry.name) {
    case 'redispatch':
      if (args.length > 0) return undefined;
      return { description: "replace with 'option redispatch'", applicability: 'safe', edits: [{ start: first.start, end: first.end, text: 'option redispatch' }] };
    case 'option forceclose': {
      const member = kwWords[1]!;
      if (args.length > 0) return undefined;
      return { description: "replace with 'option httpclose'", applicability: 'safe', edits: [{ start: member.start, end: member.end, text: 'httpclose' }] };
    }
    case 'option independant-streams': {
      const member = kwWords[1]!;
      return { description: "fix the spelling: 'option independent-streams'", applicability: 'safe', edits: [{ start: member.start, end: member.end, text: 'independent-streams' }] };
    }
    case 'option http-tunnel':
      return deleteLine(line, 'safe', "remove 'option http-tunnel' (tunnel mode is automatic)");
    case 'bind-process':
      return deleteLine(line, 'safe', "remove 'bind-process' (it has no effect since HAProxy 2.5)");
    case 'nbproc':
      if (args.length !== 1) return undefined;
      return args[0]!.value === '1'
        ? deleteLine(line, 'safe', "remove 'nbproc 1'")
        : deleteLine(line, 'unsafe', "remove 'nbproc' (HAProxy uses threads on all CPUs automatically; see 'nbthread')");
    case 'tune.ssl.capture-cipherlist-size':
      return { description: "rename to 'tune.ssl.capture-buffer-size'", applicability: 'safe', edits: [{ start: first.start, end: first.end, text: 'tune.ssl.capture-buffer-size' }] };
    case 'option accept-invalid-http-request':
    case 'option accept-invalid-http-response': {
      const member = kwWords[1]!;
      const replacement = entry.replacement!.replace(/^option /, '');
      return { description: `replace with 'option ${replacement}'`, applicability: 'safe', edits: [{ start: member.start, end: member.end, text: replacement }] };
    }
    case 'reqadd':
    case 'rspadd':
      return addHeaderFix(entry.name === 'reqadd' ? 'http-request' : 'http-response', first, args);
    case 'reqdel':
    case 'reqidel':
    case 'rspdel':
    case 'rspidel':
      return delHeaderFix(entry.name.startsWith('req') ? 'http-request' : 'http-response', first, args);
    case 'monitor-net': {
      if (args.length !== 1 || (section.kind !== 'frontend' && section.kind !== 'listen')) return undefined;
      const net = args[0]!;
      if (!/^[0-9A-Fa-f:.\/]+$/.test(net.value)) return undefined;
      return {
        description: `replace with 'http-request return status 200 if { src ${net.value} }'`,
        applicability: 'unsafe',
        edits: [{ start: first.start, end: net.end, text: `http-request return status 200 if { src ${net.value} }` }],
      };
    }
    default:
      return undefined;
  }
}

/** A header value HAProxy's log-format reads back unchanged once written between double quotes. */
const PLAIN_VALUE = /^[A-Za-z0-9 _\-.,;:/=+*!?@&()<>~^|'[\]{}]*$/;
const HEADER_NAME = /^[A-Za-z0-9!#$&'*+.^_`|~-]+$/;

function addHeaderFix(ruleSet: string, keyword: Word, args: Word[]): Fix | undefined {
  const header = args[0];
  if (!header) return undefined;
  const rest = args.slice(1);
  if (rest.length > 0 && rest[0]!.value !== 'if' && rest[0]!.value !== 'unless') return undefined;
  const colon = header.value.indexOf(':');
  if (colon <= 0) return undefined;
  const name = header.value.slice(0, colon);
  const value = header.value.slice(colon + 1).replace(/^[ \t]+/, '');
  if (!HEADER_NAME.test(name) || value === '') return undefined;
  const exact = PLAIN_VALUE.test(value) && !value.includes('%');
  const quoted = /[ ']/.test(value) ? `"${value}"` : value;
  const text = `${ruleSet} add-header ${name} ${quoted}`;
  return {
    description: `replace with '${text}'`,
    applicability: exact ? 'safe' : 'display-only',
    edits: [{ start: keyword.start, end: header.end, text }],
  };
}

function delHeaderFix(ruleSet: string, keyword: Word, args: Word[]): Fix | undefined {
  const regex = args[0];
  if (!regex) return undefined;
  const rest = args.slice(1);
  if (rest.length > 0 && rest[0]!.value !== 'if' && rest[0]!.value !== 'unless') return undefined;
  const m = /^\^([A-Za-z0-9_-]+)(?::|:\.\*|:\.\*\$)?$/.exec(regex.value);
  if (!m) return undefined;
  const text = `${ruleSet} del-header ${m[1]}`;
  return { description: `replace with '${text}'`, applicability: 'unsafe', edits: [{ start: keyword.start, end: regex.end, text }] };
}

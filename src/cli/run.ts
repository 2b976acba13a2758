import { dirname, isAbsolute, resolve } from 'node:path';
import type { Finding, LintOptions, Rule, RuleSetting, TargetVersion } from '../engine/types.js';
import { DEFAULT_TARGET_VERSION } from '../engine/types.js';
import { detectTargetVersion } from './haproxy-version.js';
import { parseArgs, type Command, type Flags } from './args.js';
import { shouldColor, colors } from './color.js';
import { APP_NAME, ConfigFinder, didYouMean, effectiveOptions, loadConfigFile, SEVERITIES, type CliSettings } from './config.js';
import { discover, displayPathFor, type Target } from './discover.js';
import { configuredSets, expandLoad, fragmentDirectorySet, setContaining, type LoadSpec } from '../settings/sets.js';
import type { SetFile } from '../model/set.js';
import { CliError, describeFsError } from './errors.js';
import { InputRefused, readBoundedStream } from '../files/read.js';
import { binaryReason, decodeBytes, encodeText, readSource, writeSourceAtomically, type Encoding, type SourceFile } from './io.js';
import { loadFormatter } from './formats/index.js';
import { finishCi, planCi } from './ci.js';
import { countFindings, type FileReport } from './formats/types.js';
import { version } from './meta.js';
import { pushAll } from '../util/arrays.js';

/** Where the CLI reads and writes; the real process in main.ts, something else in tests. */
export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdin: AsyncIterable<Uint8Array | string>;
  stdout: { write(text: string | Uint8Array): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string | Uint8Array): unknown; isTTY?: boolean };
  /** told which command the command line names, once it is parsed */
  onCommand?: (name: Command['name']) => void;
}

/** Runs the CLI and returns its exit code: 0 clean, 1 findings remain (or --diff has changes), 2 trouble. */
export async function run(argv: string[], io: Io): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const { command, flags } = await parseArgs(argv, (text) => io.stdout.write(text), io.stdout.columns);
    io.onCommand?.(command.name);
    switch (command.name) {
      case 'done': return 0;
      case 'rules': return await listRules(command.groups, flags, io);
      case 'explain': return await explain(command.id, io);
      case 'parse': return await parseCommand(command.file, flags, io);
      case 'lint': return await lintCommand(command.paths, flags, io);
      case 'format': {
        const { formatCommand } = await import('./format-command.js');
        const color = shouldColor(flags.color, io.env, io.stdout.isTTY);
        return await formatCommand(command.paths, command.check, flags, await loadRules(), io, {
          diff: (path, before, after) => unifiedDiff(path, before, after, color),
          readStdin: async () => {
            const name = flags.stdinFilename ?? '<stdin>';
            const decoded = decodeStdin(await readStdin(io, name, flags.maxFileSize), name);
            if (decoded.notice) io.stderr.write(`haproxy-lint: warning: ${decoded.notice}\n`);
            return decoded;
          },
        });
      }
      case 'probe': {
        const rules = await loadRules();
        const explicit = flags.config !== undefined ? loadConfigFile(resolve(io.cwd, flags.config), rules, flags.config) : undefined;
        const options = effectiveOptions(new ConfigFinder(rules, io.cwd, explicit).forFile(resolve(io.cwd, command.config)), resolve(io.cwd, command.config), cliSettings(flags, rules));
        return await (await import('./probe-command.js')).probeCommand(command, flags, options, io);
      }
      case 'lsp': {
        // the server owns stdin/stdout until the client sends `exit`, which ends the process
        const { startLanguageServer } = await import('../lsp/start.js');
        startLanguageServer(['--stdio']);
        return await new Promise<number>(() => undefined);
      }
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`haproxy-lint: ${error.message}\n`);
      return error.exitCode;
    }
    const e = error as Error;
    io.stderr.write(`haproxy-lint: internal error: ${e?.message ?? String(error)}${debug && e?.stack ? `\n${e.stack}` : ' (run with --debug for the stack trace, and please report it)'}\n`);
    return 2;
  }
}

async function loadRules(): Promise<readonly Rule[]> {
  return (await import('../rules/index.js')).RULES;
}

/** Standard input, bounded like a file: the binary check on the first bytes, at most --max-file-size. */
async function readStdin(io: Io, name: string, maxBytes: number): Promise<Buffer> {
  try {
    return await readBoundedStream(io.stdin, { maxBytes, sniff: binaryReason });
  } catch (error) {
    if (error instanceof InputRefused) throw new CliError(`${name}: ${error.message}`);
    if (typeof (error as NodeJS.ErrnoException)?.code === 'string') throw new CliError(`${name}: cannot read: ${describeFsError(error)}`);
    throw error;
  }
}

function decodeStdin(bytes: Buffer, name: string): { text: string; encoding: Encoding; notice?: string } {
  const decoded = decodeBytes(bytes);
  return { ...decoded, notice: decoded.encoding === 'latin1' ? `${name}: not valid UTF-8; read as Latin-1, every byte is kept as it is` : undefined };
}

// ---------------------------------------------------------------------------------------------
// rules, explain

async function listRules(groups: string[], flags: Flags, io: Io): Promise<number> {
  const all = await loadRules();
  const known = [...new Set(all.map((r) => r.group))].sort();
  for (const group of groups) {
    if (!known.includes(group)) throw new CliError(`--group: unknown group '${group}'${didYouMean(group, known)}; groups: ${known.join(', ')}`);
  }
  const rules = groups.length > 0 ? all.filter((r) => groups.includes(r.group)) : all;
  const { onByDefault, securitySeverityOf } = await import('../engine/rule-settings.js');
  if (flags.format === 'json') {
    io.stdout.write(`${JSON.stringify(rules.map((r) => {
      const securitySeverity = securitySeverityOf(r);
      return { id: r.id, severity: r.severity, fixable: r.fixable, group: r.group, default: onByDefault(r), ...(securitySeverity !== undefined ? { securitySeverity } : {}), description: r.description, options: r.options ?? {} };
    }), null, 2)}\n`);
    return 0;
  }
  const header = ['rule', 'severity', 'fixable', 'group', 'default', 'description'];
  const rows = rules.map((r) => [r.id, r.severity, r.fixable, r.group, onByDefault(r) ? 'on' : 'opt-in', r.description]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
  io.stdout.write(`${[line(header), ...rows.map(line)].join('\n')}\n`);
  return 0;
}

async function explain(id: string, io: Io): Promise<number> {
  const rules = await loadRules();
  const rule = rules.find((r) => r.id === id);
  if (!rule) throw new CliError(`unknown rule '${id}'${didYouMean(id, rules.map((r) => r.id))}; 'haproxy-lint rules' lists them`);
  const { renderRuleDoc } = await import('../docs/render.js');
  io.stdout.write(renderRuleDoc(rule));
  return 0;
}

// ---------------------------------------------------------------------------------------------
// parse

async function parseCommand(file: string | undefined, flags: Flags, io: Io): Promise<number> {
  const fromStdin = flags.stdin || file === '-' || file === undefined;
  if (file === undefined && !flags.stdin) throw new CliError("parse needs a FILE ('-' or --stdin for standard input)");
  let text: string;
  let encoding: Encoding;
  let name: string;
  if (fromStdin) {
    name = flags.stdinFilename ?? '<stdin>';
    const decoded = decodeStdin(await readStdin(io, name, flags.maxFileSize), name);
    ({ text, encoding } = decoded);
    if (decoded.notice) io.stderr.write(`haproxy-lint: warning: ${decoded.notice}\n`);
  } else {
    const source = await readSource(file!, resolve(io.cwd, file!), flags.maxFileSize);
    ({ text, encoding } = source);
    name = file!;
    if (source.notice) io.stderr.write(`haproxy-lint: warning: ${source.notice}\n`);
  }
  const [{ parseConfig }, { treeJsonChunks }] = await Promise.all([import('../parser/parse.js'), import('./tree.js')]);
  const tree = parseConfig(text);
  // streamed in batches of about 1 MB: one string for a large file passes V8's string limit
  let batch: string[] = [];
  let batchSize = 0;
  for (const chunk of treeJsonChunks(tree, name, encoding)) {
    batch.push(chunk);
    batchSize += chunk.length;
    if (batchSize >= 1 << 20) {
      io.stdout.write(batch.join(''));
      batch = [];
      batchSize = 0;
    }
  }
  if (batch.length > 0) io.stdout.write(batch.join(''));
  for (const error of tree.syntaxErrors) {
    io.stderr.write(`${name}:${error.line}:${error.column}: ${error.fatal ? 'error' : 'warning'}: ${error.message} [${error.code}]\n`);
  }
  return tree.syntaxErrors.length > 0 ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// lint

/** Turns the rule-related flags into settings, checking every id, group and severity named. */
function cliSettings(flags: Flags, rules: readonly Rule[]): CliSettings {
  const ids = rules.map((r) => r.id);
  const groups = [...new Set(rules.map((r) => r.group))];
  const selectors = [...ids, ...groups, 'all'];
  for (const [flag, list] of [['--select', flags.select], ['--ignore', flags.ignore]] as const) {
    for (const selector of list) {
      if (!selectors.includes(selector)) throw new CliError(`${flag}: '${selector}' is neither a rule id nor a group${didYouMean(selector, selectors)}; 'haproxy-lint rules' lists them`);
    }
  }
  const ruleSettings: Record<string, RuleSetting> = {};
  for (const spec of flags.rule) {
    const match = /^([^=]+)=(.*)$/.exec(spec);
    if (!match) throw new CliError(`--rule '${spec}': expected id=off|info|warning|error`);
    const [, id, severity] = match as unknown as [string, string, string];
    if (!ids.includes(id.trim())) throw new CliError(`--rule: unknown rule '${id}'${didYouMean(id, ids)}`);
    if (!(SEVERITIES as readonly string[]).includes(severity.trim())) throw new CliError(`--rule ${id}: severity must be one of ${SEVERITIES.join(', ')}, not '${severity}'`);
    ruleSettings[id.trim()] = severity.trim() as RuleSetting;
  }
  if (flags.app !== undefined && !APP_NAME.test(flags.app)) throw new CliError(`--app '${flags.app}': expected an application name such as django (letters, digits, '.', '_', '-')`);
  return {
    app: flags.app,
    targetVersion: flags.targetVersion === 'auto' ? detectTargetVersion() : (flags.targetVersion as TargetVersion | undefined),
    select: flags.select,
    ignore: flags.ignore,
    rules: ruleSettings,
  };
}

function exitCodeFor(findings: readonly Finding[], flags: Flags): number {
  if (flags.exitZero) return 0;
  const counts = countFindings(findings, false);
  if (counts.errors > 0) return 1;
  if (flags.maxWarnings !== undefined) return counts.warnings > flags.maxWarnings ? 1 : 0;
  if (flags.quiet) return 0;
  return counts.warnings > 0 ? 1 : 0;
}

const visible = (findings: Finding[], flags: Flags) => (flags.quiet ? findings.filter((f) => f.severity === 'error') : findings);

async function unifiedDiff(path: string, before: string, after: string, color: boolean): Promise<string> {
  const { createTwoFilesPatch } = await import('diff');
  // `a/` and `b/` prefixes (as git writes them) for relative paths, so `git apply`/`patch -p1` take the output
  const relativePath = !isAbsolute(path) && path !== '<stdin>';
  const patch = createTwoFilesPatch(relativePath ? `a/${path}` : path, relativePath ? `b/${path}` : path, before, after, undefined, undefined, { context: 3 });
  // drop the "====" banner line the diff package puts first
  const lines = patch.replace(/\n$/, '').split('\n').filter((line, i) => !(i === 0 && line.startsWith('=')));
  if (!color) return lines.join('\n');
  const c = colors(true);
  return lines.map((line) => (line.startsWith('+++') || line.startsWith('---') ? c.bold(line) : line.startsWith('+') ? c.green(line) : line.startsWith('-') ? c.red(line) : line.startsWith('@@') ? c.cyan(line) : line)).join('\n');
}

async function lintCommand(args: string[], flags: Flags, io: Io): Promise<number> {
  if (flags.stdin && args.length > 0) throw new CliError('--stdin reads the configuration from standard input: give no paths with it');
  // `-` names standard input: alone it is --stdin; among other paths it is linted with them
  const paths = args.filter((path) => path !== '-');
  const stdinAmongPaths = paths.length > 0 && paths.length < args.length;
  if (args.length > 0 && paths.length === 0) flags = { ...flags, stdin: true };
  if (stdinAmongPaths && (flags.fix || flags.fixOnly || flags.diff)) throw new CliError("'-' (standard input) with other paths can only be linted: --fix, --fix-only and --diff need it alone");
  if (flags.stdinFilename !== undefined && !flags.stdin && !stdinAmongPaths) throw new CliError("--stdin-filename only makes sense with --stdin (or '-')");
  if (flags.printConfig !== undefined && (paths.length > 0 || flags.stdin)) throw new CliError('--print-config FILE takes no other paths');
  const rules = await loadRules();
  const cli = cliSettings(flags, rules);
  const explicit = flags.config !== undefined ? loadConfigFile(resolve(io.cwd, flags.config), rules, flags.config) : undefined;
  // the engine (and the parser behind it) only once the command line and configuration are known good
  const { lint, fix, lintSet, fixSet } = await import('../api.js');
  const { configSet } = await import('../model/set.js');
  const finder = new ConfigFinder(rules, io.cwd, explicit);
  const color = shouldColor(flags.color, io.env, io.stdout.isTTY);
  const unsafeFixes = flags.unsafeFixes;
  const fixing = flags.fix || flags.fixOnly;

  if (flags.printConfig !== undefined) return printConfig(flags.printConfig, finder, cli, rules, flags, io);

  const cwdConfig = finder.forDirectory(io.cwd);
  const ci = planCi(flags, io.cwd, cwdConfig?.data.baseline !== undefined ? resolve(cwdConfig.dir, cwdConfig.data.baseline) : undefined, rules, effectiveOptions(cwdConfig, undefined, cli));
  const ciStderr = (text: string) => io.stderr.write(text);
  const format = await loadFormatter(flags.format);
  const report = (files: FileReport[], stream: Io['stdout'], useColor: boolean) => {
    const text = format({ files, rules, unsafeFixes, color: useColor, cwd: io.cwd, version: version() });
    if (text !== '') stream.write(text);
  };

  if (flags.stdin) {
    const name = flags.stdinFilename ?? '<stdin>';
    const absPath = flags.stdinFilename !== undefined ? resolve(io.cwd, flags.stdinFilename) : '';
    const { text, encoding, notice } = decodeStdin(await readStdin(io, name, flags.maxFileSize), name);
    if (notice) io.stderr.write(`haproxy-lint: warning: ${notice}\n`);
    const config = absPath ? finder.forFile(absPath) : finder.forDirectory(io.cwd);
    const options: LintOptions = effectiveOptions(config, absPath || undefined, cli);
    if (flags.diff) {
      const result = fix(text, { ...options, unsafeFixes });
      if (result.changed) io.stdout.write(`${await unifiedDiff(name, text, result.output, color)}\n`);
      return result.changed ? 1 : 0;
    }
    if (fixing) {
      const result = fix(text, { ...options, unsafeFixes });
      io.stdout.write(encodeText(result.output, encoding));
      if (flags.fixOnly) return 0;
      const file: FileReport = { path: name, absPath, text: result.output, findings: result.findings, fixedCount: result.applied.length };
      await finishCi(ci, [file], io.cwd, io.env, ciStderr);
      report([{ ...file, findings: visible(file.findings, flags) }], io.stderr, shouldColor(flags.color, io.env, io.stderr.isTTY));
      return exitCodeFor(file.findings, flags);
    }
    const file: FileReport = { path: name, absPath, text, findings: lint(text, options).findings, fixedCount: 0 };
    await finishCi(ci, [file], io.cwd, io.env, ciStderr);
    report([{ ...file, findings: visible(file.findings, flags) }], io.stdout, color);
    return exitCodeFor(file.findings, flags);
  }

  let failed = false;
  const problems = new Set<string>();
  const problem = (message: string) => {
    failed = true;
    if (problems.has(message)) return;
    problems.add(message);
    io.stderr.write(`haproxy-lint: ${message}\n`);
  };
  const loadSet = flags.load.length > 0 ? loadedSet(flags.load, io.cwd, problem) : undefined;
  const discovery = paths.length === 0 && loadSet
    ? { targets: loadSet.files.map((absPath) => ({ absPath, displayPath: displayPathFor(io.cwd, absPath) })), sets: [], problems: [] }
    : await discover(paths.length > 0 ? paths : ['.'], io.cwd, finder).catch((error: unknown) => {
      if (error instanceof CliError) return { targets: [], sets: [], problems: [error.message] };
      throw error;
    });
  discovery.problems.forEach(problem);
  const { targets } = discovery;
  const display = (path: string) => displayPathFor(io.cwd, path);

  let stdinReport: FileReport | undefined;
  if (stdinAmongPaths) {
    const name = flags.stdinFilename ?? '<stdin>';
    const absPath = flags.stdinFilename !== undefined ? resolve(io.cwd, flags.stdinFilename) : '';
    const { text, notice } = decodeStdin(await readStdin(io, name, flags.maxFileSize), name);
    if (notice) io.stderr.write(`haproxy-lint: warning: ${notice}\n`);
    const findings = lint(text, effectiveOptions(absPath ? finder.forFile(absPath) : finder.forDirectory(io.cwd), absPath || undefined, cli)).findings;
    stdinReport = { path: name, absPath, text, findings, fixedCount: 0 };
  }
  const fragmentSets = new Map<string, LoadSpec | undefined>();
  const fragmentSet = (file: string): LoadSpec | undefined => {
    const dir = dirname(file);
    if (!fragmentSets.has(dir)) fragmentSets.set(dir, fragmentDirectorySet(file, display));
    const set = fragmentSets.get(dir);
    return set?.files.includes(file) ? set : undefined;
  };
  // each target is linted with its set: --load, else its settings' configurations, else the directory it was named by; else alone
  const groups = new Map<LoadSpec | string, Target[]>();
  for (const target of targets) {
    const config = finder.forFile(target.absPath);
    const configured = config ? configuredSets(config, display) : undefined;
    configured?.problems.forEach(problem);
    const set = (loadSet && setContaining([loadSet], target.absPath)) ?? (configured && setContaining(configured.sets, target.absPath))
      ?? setContaining(discovery.sets, target.absPath) ?? fragmentSet(target.absPath);
    const key = set ?? target.absPath;
    groups.set(key, [...(groups.get(key) ?? []), target]);
  }

  const reportsByPath = new Map<string, FileReport>();
  const diffsByPath = new Map<string, string>();
  for (const [key, groupTargets] of groups) {
    const set = typeof key === 'string' ? undefined : key;
    const files = set ? set.files : [key as string];
    const isTarget = new Set(groupTargets.map((t) => t.absPath));
    try {
      const sources: SourceFile[] = [];
      for (const absPath of files) {
        const source = await readSource(display(absPath), absPath, flags.maxFileSize);
        if (source.notice && isTarget.has(absPath)) io.stderr.write(`haproxy-lint: warning: ${source.notice}\n`);
        if (source.text === '' && isTarget.has(absPath) && !set) io.stderr.write(`haproxy-lint: ${display(absPath)}: empty file, nothing to lint\n`);
        sources.push(source);
      }
      const first = groupTargets[0]!.absPath;
      const options = { ...effectiveOptions(finder.forFile(first), first, cli, set), unsafeFixes };
      const configurationSet = configSet(sources.map((source, i) => ({ path: display(files[i]!), text: source.text, encoding: source.encoding })));
      if (flags.diff || fixing) {
        const result = fixSet(configurationSet, options, undefined, (entry: SetFile) => isTarget.has(resolve(io.cwd, entry.path)));
        for (const [i, fixed] of result.files.entries()) {
          const absPath = files[i]!;
          if (!isTarget.has(absPath)) continue;
          const source = sources[i]!;
          if (flags.diff) {
            if (fixed.changed) diffsByPath.set(absPath, await unifiedDiff(display(absPath), source.text, fixed.output, color));
            continue;
          }
          let text = source.text;
          let findings = fixed.findings;
          let fixedCount = 0;
          if (fixed.changed) {
            try {
              await writeSourceAtomically(source, fixed.output);
              text = fixed.output;
              fixedCount = fixed.applied.length;
            } catch (error) {
              if (!(error instanceof CliError)) throw error;
              problem(error.message);
              findings = lintSet(configurationSet, options).files[i]!.findings;
            }
          }
          reportsByPath.set(absPath, { path: display(absPath), absPath, text, findings, fixedCount });
        }
        continue;
      }
      const result = lintSet(configurationSet, options);
      for (const [i, linted] of result.files.entries()) {
        const absPath = files[i]!;
        if (!isTarget.has(absPath)) continue;
        reportsByPath.set(absPath, { path: display(absPath), absPath, text: sources[i]!.text, findings: linted.findings, fixedCount: 0 });
      }
    } catch (error) {
      const where = set ? `${set.origin}` : display(key as string);
      if (error instanceof CliError) {
        problem(error.message);
        continue;
      }
      const e = error as Error;
      problem(`${where}: internal error while linting: ${e?.message ?? String(error)}${flags.debug && e?.stack ? `\n${e.stack}` : ' (run with --debug for the stack trace)'}`);
    }
  }
  const reports = [...(stdinReport ? [stdinReport] : []), ...targets.map((t) => reportsByPath.get(t.absPath)).filter((r): r is FileReport => r !== undefined)];
  const diffs = targets.map((t) => diffsByPath.get(t.absPath)).filter((d): d is string => d !== undefined);

  if (!flags.diff && !flags.fixOnly) {
    // a baseline written from a partial run would forget the findings of the files that failed
    if (failed && ci.writeBaseline) {
      io.stderr.write(`haproxy-lint: ${ci.writeBaseline.displayPath}: not written, since some files could not be linted\n`);
      return 2;
    }
    const ended = await finishCi(ci, reports, io.cwd, io.env, ciStderr);
    if (ended !== undefined) return failed ? 2 : ended;
  }
  const all = reports.flatMap((r) => r.findings);
  for (const r of reports) r.findings = visible(r.findings, flags);
  let code: number;
  if (flags.diff) {
    if (diffs.length > 0) io.stdout.write(`${diffs.join('\n')}\n`);
    code = diffs.length > 0 ? 1 : 0;
  } else {
    if (!flags.fixOnly) report(reports, io.stdout, color);
    code = flags.fixOnly ? 0 : exitCodeFor(all, flags);
  }
  return failed ? 2 : code;
}

/** The set `--load` names: files and directories in order, as `haproxy -f` takes them. */
function loadedSet(paths: readonly string[], cwd: string, problem: (message: string) => void): LoadSpec {
  const { files, problems } = expandLoad(paths, cwd, (path) => `--load ${path}`);
  problems.forEach(problem);
  return { origin: '--load', files };
}

function printConfig(file: string, finder: ConfigFinder, cli: CliSettings, rules: readonly Rule[], flags: Flags, io: Io): Promise<number> {
  const absPath = resolve(io.cwd, file);
  const config = finder.forFile(absPath);
  const display = (path: string) => displayPathFor(io.cwd, path);
  const loaded = flags.load.length > 0 ? loadedSet(flags.load, io.cwd, (message) => io.stderr.write(`haproxy-lint: ${message}\n`)) : undefined;
  const set = (loaded && setContaining([loaded], absPath)) ?? (config && setContaining(configuredSets(config, display).sets, absPath)) ?? fragmentDirectorySet(absPath, display);
  const options = effectiveOptions(config, absPath, cli, set);
  const settings: Record<string, unknown> = {};
  return import('../engine/rule-settings.js').then(({ activeRules }) => {
    const active = activeRules(rules, options);
    for (const rule of rules) {
      const on = active.find((a) => a.rule.id === rule.id);
      settings[rule.id] = !on ? 'off' : Object.keys(on.options).length > 0 ? [on.configuredSeverity ?? rule.severity, on.options] : on.configuredSeverity ?? rule.severity;
    }
    const printed = {
      file: displayPathFor(io.cwd, absPath),
      configFile: config ? displayPathFor(io.cwd, config.path) : null,
      targetVersion: options.targetVersion ?? DEFAULT_TARGET_VERSION,
      app: options.app ?? null,
      apps: options.appByBackend ?? {},
      select: options.select ?? [],
      ignore: options.ignore ?? [],
      configuration: set ? { origin: set.origin, load: set.files.map(display) } : null,
      include: config?.data.include ?? [],
      exclude: config?.data.exclude ?? [],
      rules: settings,
    };
    io.stdout.write(`${JSON.stringify(printed, null, 2)}\n`);
    return 0;
  });
}

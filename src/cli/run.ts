import { isAbsolute, resolve } from 'node:path';
import type { Finding, LintOptions, Rule, RuleSetting, TargetVersion } from '../engine/types.js';
import { DEFAULT_TARGET_VERSION } from '../engine/types.js';
import { detectTargetVersion } from './haproxy-version.js';
import { parseArgs, type Flags } from './args.js';
import { shouldColor, colors } from './color.js';
import { APP_NAME, ConfigFinder, didYouMean, effectiveOptions, loadConfigFile, SEVERITIES, type CliSettings } from './config.js';
import { discover, displayPathFor } from './discover.js';
import { CliError } from './errors.js';
import { binaryReason, decodeBytes, encodeText, readSource, writeSourceAtomically, type Encoding } from './io.js';
import { loadFormatter } from './formats/index.js';
import { countFindings, type FileReport } from './formats/types.js';
import { version } from './meta.js';

/** Where the CLI reads and writes; the real process in main.ts, something else in tests. */
export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdin: AsyncIterable<Uint8Array | string>;
  stdout: { write(text: string | Uint8Array): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string | Uint8Array): unknown; isTTY?: boolean };
}

/** Runs the CLI and returns its exit code: 0 clean, 1 findings remain (or --diff has changes), 2 trouble. */
export async function run(argv: string[], io: Io): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const { command, flags } = await parseArgs(argv, (text) => io.stdout.write(text), io.stdout.columns);
    switch (command.name) {
      case 'done': return 0;
      case 'rules': return await listRules(flags, io);
      case 'explain': return await explain(command.id, io);
      case 'parse': return await parseCommand(command.file, flags, io);
      case 'lint': return await lintCommand(command.paths, flags, io);
      case 'probe': {
        const rules = await loadRules();
        const explicit = flags.config !== undefined ? loadConfigFile(resolve(io.cwd, flags.config), rules, flags.config) : undefined;
        const options = effectiveOptions(new ConfigFinder(rules, io.cwd, explicit).forFile(resolve(io.cwd, command.config)), resolve(io.cwd, command.config), cliSettings(flags, rules));
        return await (await import('../probe/cli.js')).probeCommand(command, flags, options, io);
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

async function readStdin(io: Io): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

function decodeStdin(bytes: Buffer, name: string): { text: string; encoding: Encoding; notice?: string } {
  const binary = binaryReason(bytes);
  if (binary) throw new CliError(`${name}: ${binary}`);
  const decoded = decodeBytes(bytes);
  return { ...decoded, notice: decoded.encoding === 'latin1' ? `${name}: not valid UTF-8; read as Latin-1, every byte is kept as it is` : undefined };
}

// ---------------------------------------------------------------------------------------------
// rules, explain

async function listRules(flags: Flags, io: Io): Promise<number> {
  const rules = await loadRules();
  if (flags.format === 'json') {
    io.stdout.write(`${JSON.stringify(rules.map((r) => ({ id: r.id, severity: r.severity, fixable: r.fixable, group: r.group, description: r.description, options: r.options ?? {} })), null, 2)}\n`);
    return 0;
  }
  const header = ['rule', 'severity', 'fixable', 'group', 'description'];
  const rows = rules.map((r) => [r.id, r.severity, r.fixable, r.group, r.description]);
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
    const decoded = decodeStdin(await readStdin(io), name);
    ({ text, encoding } = decoded);
    if (decoded.notice) io.stderr.write(`haproxy-lint: warning: ${decoded.notice}\n`);
  } else {
    const source = await readSource(file!, resolve(io.cwd, file!));
    ({ text, encoding } = source);
    name = file!;
    if (source.notice) io.stderr.write(`haproxy-lint: warning: ${source.notice}\n`);
  }
  const [{ parseConfig }, { treeToJson }] = await Promise.all([import('../parser/parse.js'), import('./tree.js')]);
  const tree = parseConfig(text);
  io.stdout.write(`${JSON.stringify(treeToJson(tree, name, encoding), null, 2)}\n`);
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

async function lintCommand(paths: string[], flags: Flags, io: Io): Promise<number> {
  if (flags.stdin && paths.length > 0) throw new CliError('--stdin reads the configuration from standard input: give no paths with it');
  if (flags.stdinFilename !== undefined && !flags.stdin) throw new CliError('--stdin-filename only makes sense with --stdin');
  if (flags.printConfig !== undefined && (paths.length > 0 || flags.stdin)) throw new CliError('--print-config FILE takes no other paths');
  const rules = await loadRules();
  const cli = cliSettings(flags, rules);
  const explicit = flags.config !== undefined ? loadConfigFile(resolve(io.cwd, flags.config), rules, flags.config) : undefined;
  // the engine (and the parser behind it) only once the command line and configuration are known good
  const [{ lint }, { fix }] = await Promise.all([import('../engine/lint.js'), import('../engine/fix.js')]);
  const finder = new ConfigFinder(rules, io.cwd, explicit);
  const color = shouldColor(flags.color, io.env, io.stdout.isTTY);
  const unsafeFixes = flags.unsafeFixes;
  const fixing = flags.fix || flags.fixOnly;

  if (flags.printConfig !== undefined) return printConfig(flags.printConfig, finder, cli, rules, io);

  const format = await loadFormatter(flags.format);
  const report = (files: FileReport[], stream: Io['stdout'], useColor: boolean) => {
    const text = format({ files, rules, unsafeFixes, color: useColor, cwd: io.cwd, version: version() });
    if (text !== '') stream.write(text);
  };

  if (flags.stdin) {
    const name = flags.stdinFilename ?? '<stdin>';
    const absPath = flags.stdinFilename !== undefined ? resolve(io.cwd, flags.stdinFilename) : '';
    const { text, encoding, notice } = decodeStdin(await readStdin(io), name);
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
      report([{ path: name, absPath, text: result.output, findings: visible(result.findings, flags), fixedCount: result.applied.length }], io.stderr, shouldColor(flags.color, io.env, io.stderr.isTTY));
      return exitCodeFor(result.findings, flags);
    }
    const findings = lint(text, options).findings;
    report([{ path: name, absPath, text, findings: visible(findings, flags), fixedCount: 0 }], io.stdout, color);
    return exitCodeFor(findings, flags);
  }

  let failed = false;
  const problems = new Set<string>();
  const problem = (message: string) => {
    failed = true;
    if (problems.has(message)) return;
    problems.add(message);
    io.stderr.write(`haproxy-lint: ${message}\n`);
  };
  const { targets, problems: discoveryProblems } = await discover(paths.length > 0 ? paths : ['.'], io.cwd, finder).catch((error: unknown) => {
    if (error instanceof CliError) return { targets: [], problems: [error.message] };
    throw error;
  });
  discoveryProblems.forEach(problem);

  const reports: FileReport[] = [];
  const all: Finding[] = [];
  const diffs: string[] = [];
  for (const target of targets) {
    try {
      const source = await readSource(target.displayPath, target.absPath);
      if (source.notice) io.stderr.write(`haproxy-lint: warning: ${source.notice}\n`);
      if (source.text === '') io.stderr.write(`haproxy-lint: ${target.displayPath}: empty file, nothing to lint\n`);
      const options = effectiveOptions(finder.forFile(target.absPath), target.absPath, cli);
      let text = source.text;
      let findings: Finding[];
      let fixedCount = 0;
      if (flags.diff) {
        const result = fix(source.text, { ...options, unsafeFixes });
        if (result.changed) diffs.push(await unifiedDiff(target.displayPath, source.text, result.output, color));
        continue;
      }
      if (fixing) {
        const result = fix(source.text, { ...options, unsafeFixes });
        findings = result.findings;
        if (result.changed) {
          try {
            await writeSourceAtomically(source, result.output);
            text = result.output;
            fixedCount = result.applied.length;
          } catch (error) {
            if (!(error instanceof CliError)) throw error;
            problem(error.message);
            findings = lint(source.text, options).findings;
          }
        }
      } else {
        findings = lint(source.text, options).findings;
      }
      all.push(...findings);
      reports.push({ path: target.displayPath, absPath: target.absPath, text, findings: visible(findings, flags), fixedCount });
    } catch (error) {
      if (error instanceof CliError) {
        problem(error.message);
        continue;
      }
      const e = error as Error;
      problem(`${target.displayPath}: internal error while linting: ${e?.message ?? String(error)}${flags.debug && e?.stack ? `\n${e.stack}` : ' (run with --debug for the stack trace)'}`);
    }
  }

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

function printConfig(file: string, finder: ConfigFinder, cli: CliSettings, rules: readonly Rule[], io: Io): Promise<number> {
  const absPath = resolve(io.cwd, file);
  const config = finder.forFile(absPath);
  const options = effectiveOptions(config, absPath, cli);
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
      include: config?.data.include ?? [],
      exclude: config?.data.exclude ?? [],
      rules: settings,
    };
    io.stdout.write(`${JSON.stringify(printed, null, 2)}\n`);
    return 0;
  });
}

/**
 * The GitHub Action: the CLI's own `run()` (same discovery, configuration, rules, exit codes and formats)
 * called once per output it needs — JSON for the counts (and the fixes), `github` for the annotations,
 * SARIF for code scanning, the chosen format for the log — then the step's outputs and summary.
 * Linting again per output keeps one implementation; HAProxy configurations lint in milliseconds.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { escapeData } from '../cli/formats/github.js';
import { CliError } from '../cli/errors.js';
import { run, type Io } from '../cli/run.js';
import { readInputs, type ActionInputs } from './inputs.js';

export interface ActionIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown };
}

export interface ActionResult {
  errors: number;
  warnings: number;
  fixed: number;
  files: number;
  exitCode: number;
}

interface JsonResult { errorCount: number; warningCount: number; fixedCount: number }

const EMPTY_STDIN: AsyncIterable<Uint8Array> = { async *[Symbol.asyncIterator]() {} };

/** Runs the CLI with the output captured (or passed through to the log). */
async function cli(argv: string[], io: ActionIo, passThrough = false): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const cliIo: Io = {
    cwd: io.cwd,
    env: io.env,
    stdin: EMPTY_STDIN,
    stdout: { write: (text) => (passThrough ? io.stdout.write(String(text)) : (stdout += String(text))) },
    stderr: { write: (text) => (stderr += String(text)) },
  };
  const code = await run(argv, cliIo);
  return { code, stdout, stderr };
}

function settings(inputs: ActionInputs): string[] {
  return [
    ...(inputs.app !== undefined ? ['--app', inputs.app] : []),
    ...(inputs.targetVersion !== undefined ? ['--target-version', inputs.targetVersion] : []),
    ...(inputs.config !== undefined ? ['--config', inputs.config] : []),
  ];
}

/** `name=value` lines for $GITHUB_OUTPUT, with the multi-line form for anything that is not one plain line. */
function outputLines(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => (/^[^\r\n]*$/.test(String(value)) ? `${name}=${value}\n` : `${name}<<HAPROXY_LINT_EOF\n${value}\nHAPROXY_LINT_EOF\n`))
    .join('');
}

function summaryMarkdown(result: ActionResult, inputs: ActionInputs, failed: boolean): string {
  const status = failed ? '❌ failed' : '✅ passed';
  return [
    `### haproxy-lint ${status}`,
    '',
    '| files | errors | warnings | fixed |',
    '| ---: | ---: | ---: | ---: |',
    `| ${result.files} | ${result.errors} | ${result.warnings} | ${result.fixed} |`,
    '',
    `Fails on: ${inputs.failOn}${inputs.targetVersion ? ` · HAProxy ${inputs.targetVersion}` : ''}${inputs.sarifFile ? ` · SARIF: \`${inputs.sarifFile}\`` : ''}`,
    '',
  ].join('\n');
}

/** Runs the action; returns the process exit code (1 fails the step). */
export async function runAction(io: ActionIo): Promise<number> {
  let inputs: ActionInputs;
  try {
    inputs = readInputs(io.env, io.cwd);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    io.stdout.write(`::error title=haproxy-lint::${escapeData(error.message)}\n`);
    return 1;
  }
  const common = [...settings(inputs), ...inputs.paths];

  // 1. lint (and fix) once for the counts; a usage or file problem (exit 2) fails the step whatever fail-on says
  const counted = await cli(['--format', 'json', '--exit-zero', ...(inputs.fix ? ['--fix'] : []), ...common], io);
  const problems = counted.stderr.split('\n').filter((line) => line.trim() !== '');
  for (const line of problems) {
    const message = line.replace(/^haproxy-lint: /, '');
    io.stdout.write(`::${/warning: |empty file/.test(message) ? 'warning' : 'error'} title=haproxy-lint::${escapeData(message)}\n`);
  }
  let results: JsonResult[] = [];
  try {
    results = JSON.parse(counted.stdout || '[]') as JsonResult[];
  } catch {
    // exit 2 before anything was linted (a bad configuration file): nothing to count
  }
  const result: ActionResult = {
    errors: results.reduce((n, r) => n + r.errorCount, 0),
    warnings: results.reduce((n, r) => n + r.warningCount, 0),
    fixed: results.reduce((n, r) => n + r.fixedCount, 0),
    files: results.length,
    exitCode: 0,
  };

  // 2. annotations (workflow commands on stdout), 3. SARIF, 4. the report in the log; their stderr repeats
  // the problems annotated above. After exit 2 the files that could be linted are still reported.
  await cli(['--format', 'github', '--exit-zero', ...common], io, true);
  if (inputs.sarifFile !== '') {
    const sarif = await cli(['--format', 'sarif', '--exit-zero', ...common], io);
    const path = resolve(io.cwd, inputs.sarifFile);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, sarif.stdout);
  }
  if (inputs.format !== 'github') {
    io.stdout.write(`::group::haproxy-lint report (${inputs.format})\n`);
    await cli(['--format', inputs.format, '--exit-zero', ...common], io, true);
    io.stdout.write('::endgroup::\n');
  }

  const failed = counted.code === 2
    || (inputs.failOn === 'error' && result.errors > 0)
    || (inputs.failOn === 'warning' && result.errors + result.warnings > 0);
  result.exitCode = failed ? 1 : 0;

  if (io.env.GITHUB_OUTPUT) {
    appendFileSync(io.env.GITHUB_OUTPUT, outputLines({ errors: result.errors, warnings: result.warnings, fixed: result.fixed, files: result.files, 'sarif-file': inputs.sarifFile }));
  }
  if (inputs.summary && io.env.GITHUB_STEP_SUMMARY) appendFileSync(io.env.GITHUB_STEP_SUMMARY, summaryMarkdown(result, inputs, failed));
  if (failed && counted.code !== 2) {
    const what = inputs.failOn === 'error' ? `${result.errors} error(s)` : `${result.errors} error(s) and ${result.warnings} warning(s)`;
    io.stdout.write(`::error title=haproxy-lint::${escapeData(`${what} remain (fail-on: ${inputs.failOn})`)}\n`);
  }
  return result.exitCode;
}

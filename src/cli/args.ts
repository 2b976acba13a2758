import type { Options } from 'yargs';
import { TARGET_VERSIONS, DEFAULT_TARGET_VERSION } from '../engine/types.js';
import { CliError } from './errors.js';
import { FORMATS, type FormatName } from './formats/types.js';
import { version } from './meta.js';
import { DEFAULT_MAX_BYTES, formatBytes, parseByteSize } from '../files/read.js';

export type Command =
  | { name: 'lint'; paths: string[] }
  | { name: 'rules'; groups: string[] }
  | { name: 'explain'; id: string }
  | { name: 'parse'; file?: string }
  | ProbeCommand
  | { name: 'lsp' }
  | { name: 'format'; paths: string[]; check: boolean }
  | { name: 'done' };

/** `haproxy-lint probe FILE`: what to probe and how. */
export interface ProbeCommand {
  name: 'probe';
  config: string;
  backend?: string;
  serverAddress: string[];
  allowRemote: boolean;
  allowUnix: boolean;
  allowUnsafeRequests: boolean;
  timeout?: string;
}

export interface Flags {
  /** `--load PATH…`: the files HAProxy loads together, in order */
  load: string[];
  stdin: boolean;
  stdinFilename?: string;
  fix: boolean;
  unsafeFixes: boolean;
  diff: boolean;
  fixOnly: boolean;
  app?: string;
  select: string[];
  ignore: string[];
  rule: string[];
  targetVersion?: string;
  maxWarnings?: number;
  exitZero: boolean;
  quiet: boolean;
  color?: boolean;
  config?: string;
  printConfig?: string;
  debug: boolean;
  format: FormatName;
  /** the largest input read, in bytes */
  maxFileSize: number;
  /** '' = the haproxy found on PATH; undefined = do not run haproxy */
  withHaproxy?: string;
  baseline?: string;
  writeBaseline?: string;
  pruneBaseline?: boolean;
}

const EPILOGUE = `Exit codes:
  0  no error or warning remains (info never fails; see --max-warnings, --exit-zero)
  1  an error or warning remains, or --diff has changes
  2  usage error, unreadable or binary file, bad configuration file, internal error

Examples:
  haproxy-lint /etc/haproxy/haproxy.cfg
  haproxy-lint --app django --fix haproxy/
  haproxy-lint conf.d/                    (a directory of *.cfg fragments is one configuration)
  haproxy-lint --load haproxy.cfg --load conf.d/   (as haproxy -f haproxy.cfg -f conf.d/)
  haproxy-lint --format sarif . > haproxy-lint.sarif
  haproxy-lint --format codeclimate --with-haproxy . > gl-code-quality-report.json
  haproxy-lint --write-baseline haproxy-lint-baseline.json .   (then: --baseline haproxy-lint-baseline.json)
  cat haproxy.cfg | haproxy-lint --stdin --stdin-filename haproxy.cfg --fix
  haproxy-lint rules --group security
  haproxy-lint format --check haproxy/
  haproxy-lint explain missing-final-newline`;

/** The options every command takes (the lint command's, mostly), as yargs reads them. */
const OPTIONS = {
  fix: { type: 'boolean', default: false, describe: 'apply safe fixes in place', group: 'Fixing:' },
  'unsafe-fixes': { type: 'boolean', default: false, describe: 'also apply (and count as fixable) fixes that may change behaviour', group: 'Fixing:' },
  diff: { type: 'boolean', default: false, describe: 'print a unified diff of what --fix would change; write nothing (exit 1 when there are changes)', group: 'Fixing:' },
  'fix-only': { type: 'boolean', default: false, describe: 'apply fixes without reporting what remains (exit 0 unless something failed)', group: 'Fixing:' },
  load: { type: 'string', describe: 'lint these files together, in this order, as `haproxy -f PATH` loads them (a directory: its *.cfg files in lexical order; repeatable). Paths given too are reported with this set; alone, the whole set is', group: 'Input:' },
  stdin: { type: 'boolean', default: false, describe: 'read the configuration from standard input (with --fix: fixed text to stdout, findings to stderr)', group: 'Input:' },
  'max-file-size': { type: 'string', describe: `refuse inputs larger than this (bytes, or with k/M/G; default ${formatBytes(DEFAULT_MAX_BYTES).replace(' ', '')})`, group: 'Input:' },
  'stdin-filename': { type: 'string', describe: 'the name of the file read with --stdin (for configuration lookup and messages)', group: 'Input:' },
  config: { alias: 'c', type: 'string', describe: 'use this configuration file instead of searching for .haproxy-lint.json', group: 'Input:' },
  app: { type: 'string', describe: 'the application stack behind the backends (django, flask, rails, …)', group: 'Rules:' },
  select: { type: 'string', describe: 'only these rule ids or groups (comma-separated, repeatable); selecting is also how opt-in rules are turned on (--select security, --select all)', group: 'Rules:' },
  ignore: { type: 'string', describe: 'skip these rule ids or groups (comma-separated, repeatable)', group: 'Rules:' },
  rule: { type: 'string', describe: 'set a rule\'s severity: id=off|info|warning|error (repeatable)', group: 'Rules:' },
  'target-version': { type: 'string', choices: [...TARGET_VERSIONS, 'auto'], describe: `the HAProxy version to check against (default: ${DEFAULT_TARGET_VERSION}, the newest LTS; auto: the installed haproxy's, from haproxy -v)`, group: 'Rules:' },
  format: { alias: 'f', type: 'string', choices: FORMATS as unknown as string[], default: 'stylish', describe: 'output format', group: 'Output:' },
  quiet: { alias: 'q', type: 'boolean', default: false, describe: 'report errors only (warnings and info neither print nor fail)', group: 'Output:' },
  'max-warnings': { type: 'number', describe: 'fail (exit 1) only when there are more than N warnings', group: 'Output:' },
  'exit-zero': { type: 'boolean', default: false, describe: 'exit 0 even when errors or warnings remain', group: 'Output:' },
  color: { type: 'boolean', describe: 'force colors on (--color) or off (--no-color); NO_COLOR and FORCE_COLOR are honoured', group: 'Output:' },
  'print-config': { type: 'string', describe: 'print the settings that apply to FILE and exit', group: 'Output:' },
  debug: { type: 'boolean', default: false, describe: 'print stack traces on internal errors', group: 'Output:' },
  'with-haproxy': { type: 'string', describe: 'also run `haproxy -c` (the one on PATH, or =PATH) on the files, away from the network; its alerts and warnings become findings of the rule `haproxy`', group: 'CI:' },
  baseline: { type: 'string', describe: 'report only findings not recorded in this baseline file (default: "baseline" in .haproxy-lint.json)', group: 'CI:' },
  'write-baseline': { type: 'string', requiresArg: true, describe: 'record every current finding in this baseline file and exit 0', group: 'CI:' },
  'prune-baseline': { type: 'boolean', default: false, describe: 'rewrite the baseline without the findings that are gone', group: 'CI:' },
} satisfies Record<string, Options>;

const splitList = (values: unknown): string[] =>
  (Array.isArray(values) ? values : values === undefined ? [] : [values])
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');

/**
 * yargs drops a lone `-` from a positional array and turns it into '' elsewhere: it goes through the
 * parser as this stand-in and is put back afterwards, so `haproxy-lint - other.cfg` keeps its `-`.
 */
const DASH = '\u0000-';
const restoreDash = <T>(value: T): T =>
  (value === DASH ? '-' : Array.isArray(value) ? value.map(restoreDash) : value) as T;

/** The words yargs reads as commands rather than as paths to lint (test/cli/args.test.ts checks them against --help). */
export const COMMAND_NAMES: readonly string[] = ['rules', 'format', 'explain', 'parse', 'lsp', 'probe'];

/**
 * `haproxy-lint PATH…`, the command line of hooks and editors: no option, no command, no `-`. yargs
 * reads it as the lint command with every option at its default, and loading yargs costs about as much
 * as the rest of a small lint, so these are taken here without it. Nothing is parsed twice: the
 * defaults are those of OPTIONS, and test/cli/args.test.ts checks that yargs gives the same result.
 */
function plainLint(argv: readonly string[]): { command: Command; flags: Flags } | undefined {
  // yargs reads a first word naming a command as that command, and `help` anywhere as --help
  if (argv.some((arg) => arg === '' || arg === 'help' || arg.startsWith('-')) || (argv.length > 0 && COMMAND_NAMES.includes(argv[0]!))) return undefined;
  const defaults: Record<string, unknown> = {};
  for (const [name, option] of Object.entries(OPTIONS)) {
    if ('default' in option) defaults[name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())] = option.default;
  }
  return { command: { name: 'lint', paths: [...argv] }, flags: flagsFrom(defaults) };
}

/**
 * Parses the command line; --help and --version are printed here and give `{ name: 'done' }`.
 * `viaYargs`: always through yargs (tests compare it with the plain lint path).
 */
export async function parseArgs(rawArgv: string[], out: (text: string) => void, columns: number | undefined, viaYargs = false): Promise<{ command: Command; flags: Flags }> {
  const plain = viaYargs ? undefined : plainLint(rawArgv);
  if (plain) return plain;
  const { default: yargs } = await import('yargs');
  // a bare --with-haproxy takes no value: the next word is a path to lint, not the binary (that is --with-haproxy=PATH)
  const argv = rawArgv.map((arg) => (arg === '-' ? DASH : arg === '--with-haproxy' ? '--with-haproxy=' : arg));
  let command: Command = { name: 'lint', paths: [] };
  let helpShown = false;
  const parser = yargs(argv)
    .scriptName('haproxy-lint')
    .usage('Usage: $0 [options] [paths..]\n\nLint and fix HAProxy configuration files (files, directories or globs; default: the current directory).')
    .command('$0 [paths..]', 'lint (and fix) files, directories and globs', (y) => y.positional('paths', { type: 'string', array: true, describe: 'files, directories or globs' }), (a) => {
      command = { name: 'lint', paths: ((a.paths as string[] | undefined) ?? []).map(String) };
    })
    .command('rules', 'list every rule with its severity, group, fixability and whether it runs by default', (y) => y.options({
      group: { type: 'string', describe: 'only the rules of these groups (comma-separated, repeatable), e.g. security' },
    }), (a) => {
      command = { name: 'rules', groups: splitList(a.group) };
    })
    .command('format [paths..]', 'format files: indent section bodies, one blank line between sections, no trailing blanks (--check: exit 1 when a file would change; --diff: print the changes)', (y) => y
      .positional('paths', { type: 'string', array: true, describe: 'files, directories or globs' })
      .options({ check: { type: 'boolean', default: false, describe: 'write nothing; exit 1 when a file would be reformatted', group: 'Formatting:' } }), (a) => {
      command = { name: 'format', paths: ((a.paths as string[] | undefined) ?? []).map(String), check: a.check === true };
    })
    .command('explain <id>', 'print the documentation of a rule', (y) => y.positional('id', { type: 'string', demandOption: true }), (a) => {
      command = { name: 'explain', id: String(a.id) };
    })
    .command('parse [file]', 'print the syntax tree of a file as JSON (`-` or --stdin: standard input)', (y) => y.positional('file', { type: 'string' }), (a) => {
      // yargs turns a lone `-` into ''
      command = { name: 'parse', file: a.file === undefined ? undefined : a.file === '' ? '-' : String(a.file) };
    })
    .command('lsp', 'run the language server on stdin/stdout (editors start it; also installed as haproxy-lint-lsp)', (y) => y.options({
      stdio: { type: 'boolean', describe: 'talk the Language Server Protocol on stdin/stdout (the default)' },
      clientProcessId: { type: 'number', hidden: true },
    }), () => {
      command = { name: 'lsp' };
    })
    .command('probe <file>', 'send each server the health check HAProxy would send and judge the answer like HAProxy (loopback only unless --allow-remote)', (y) => y.options({
      backend: { type: 'string', describe: 'only this backend (or listen) section', group: 'Probe:' },
      'server-address': { type: 'string', array: true, describe: 'check a server at another address: NAME=HOST:PORT (NAME: server or backend/server; repeatable)', group: 'Probe:' },
      'allow-remote': { type: 'boolean', default: false, describe: 'also connect to servers that are not on a loopback address', group: 'Probe:' },
      'allow-unix': { type: 'boolean', default: false, describe: 'also connect to servers on unix sockets (only for a configuration you trust)', group: 'Probe:' },
      'allow-unsafe-requests': { type: 'boolean', default: false, describe: 'also send checks with methods other than GET/HEAD/OPTIONS or with a body (only for a configuration you trust)', group: 'Probe:' },
      timeout: { type: 'string', describe: 'connect and read timeout for every check (default: inter/timeout check from the configuration, at most 10s)', group: 'Probe:' },
    }), (a) => {
      command = { name: 'probe', config: String(a.file), ...(a.backend !== undefined ? { backend: String(a.backend) } : {}), serverAddress: ((a.serverAddress as unknown[] | undefined) ?? []).map(String), allowRemote: a.allowRemote === true, allowUnix: a.allowUnix === true, allowUnsafeRequests: a.allowUnsafeRequests === true, ...(a.timeout !== undefined ? { timeout: String(a.timeout) } : {}) };
    })
    .options(OPTIONS)
    .strict()
    .help('help')
    .alias('help', 'h')
    .version('version', 'print the version', version())
    .epilogue(EPILOGUE)
    .wrap(Math.min(110, columns ?? 100))
    .exitProcess(false)
    .showHelpOnFail(false)
    .fail((message, error) => {
      throw error instanceof CliError ? error : new CliError(`${(message ?? error?.message ?? 'invalid arguments').replace(/\s*\n\s*/g, ' ')}; run 'haproxy-lint --help' for usage.`);
    });
  const argvParsed = await parser.parseAsync(argv, {}, (error, _argv, output) => {
    if (error) return;
    if (output) {
      helpShown = true;
      out(output.endsWith('\n') ? output : `${output}\n`);
    }
  });
  const a = Object.fromEntries(Object.entries(argvParsed).map(([key, value]) => [key, restoreDash(value)])) as Record<string, unknown>;
  command = Object.fromEntries(Object.entries(command).map(([key, value]) => [key, restoreDash(value)])) as Command;
  if (helpShown || a.help === true || a.version === true) return { command: { name: 'done' }, flags: {} as Flags };
  return { command, flags: flagsFrom(a) };
}

/** The flags from what yargs parsed (camelCase keys), checked. */
function flagsFrom(a: Record<string, unknown>): Flags {
  const maxWarnings = a.maxWarnings as number | undefined;
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
    throw new CliError('--max-warnings needs a whole number of warnings (0 or more)');
  }
  let maxFileSize = DEFAULT_MAX_BYTES;
  if (a.maxFileSize !== undefined) {
    const parsed = parseByteSize(String(a.maxFileSize));
    if (parsed === undefined) throw new CliError(`--max-file-size '${String(a.maxFileSize)}': expected a size such as 64M, 500k or 1048576`);
    maxFileSize = parsed;
  }
  const flags: Flags = {
    load: (Array.isArray(a.load) ? a.load : a.load === undefined ? [] : [a.load]).map(String),
    stdin: a.stdin === true,
    stdinFilename: a.stdinFilename as string | undefined,
    fix: a.fix === true,
    unsafeFixes: a.unsafeFixes === true,
    diff: a.diff === true,
    fixOnly: a.fixOnly === true,
    app: a.app as string | undefined,
    select: splitList(a.select),
    ignore: splitList(a.ignore),
    rule: splitList(a.rule),
    targetVersion: a.targetVersion as string | undefined,
    maxWarnings,
    exitZero: a.exitZero === true,
    quiet: a.quiet === true,
    color: a.color as boolean | undefined,
    config: a.config as string | undefined,
    printConfig: a.printConfig as string | undefined,
    debug: a.debug === true,
    format: a.format as FormatName,
    maxFileSize,
    withHaproxy: a.withHaproxy === undefined ? undefined : String(a.withHaproxy),
    baseline: a.baseline as string | undefined,
    writeBaseline: a.writeBaseline as string | undefined,
    pruneBaseline: a.pruneBaseline === true,
  };
  if (flags.load.some((path) => path === '')) throw new CliError('--load needs a path');
  for (const [name, value] of [['stdin-filename', flags.stdinFilename], ['config', flags.config], ['print-config', flags.printConfig], ['app', flags.app], ['baseline', flags.baseline], ['write-baseline', flags.writeBaseline]] as const) {
    if (value !== undefined && (typeof value !== 'string' || value === '')) throw new CliError(`--${name} needs a value`);
  }
  return flags;
}

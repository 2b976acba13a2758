/**
 * `haproxy-lint format [--check] [--diff] [paths]`: rewrites files with the formatter (src/format/),
 * like `ruff format`. With --check nothing is written and the exit code says whether a file would
 * change; with --diff the changes are printed instead of written.
 */
import { resolve } from 'node:path';
import type { Rule } from '../engine/types.js';
import type { Flags } from './args.js';
import { ConfigFinder, loadConfigFile, type LoadedConfig } from './config.js';
import { discover } from './discover.js';
import { CliError } from './errors.js';
import { encodeText, readSource, writeSourceAtomically } from './io.js';
import { formatText, type FormatOptions } from '../format/format.js';

export interface FormatIo {
  cwd: string;
  stdin: AsyncIterable<Uint8Array | string>;
  stdout: { write(text: string | Uint8Array): unknown };
  stderr: { write(text: string | Uint8Array): unknown };
}

export function formatOptionsOf(config: LoadedConfig | undefined): FormatOptions {
  return config?.data.format ?? {};
}

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

export async function formatCommand(
  paths: string[],
  check: boolean,
  flags: Flags,
  rules: readonly Rule[],
  io: FormatIo,
  helpers: { diff: (path: string, before: string, after: string) => Promise<string>; readStdin: () => Promise<{ text: string; encoding: 'utf-8' | 'latin1' }> },
): Promise<number> {
  if (flags.stdin && paths.length > 0) throw new CliError('--stdin reads the configuration from standard input: give no paths with it');
  const explicit = flags.config !== undefined ? loadConfigFile(resolve(io.cwd, flags.config), rules, flags.config) : undefined;
  const finder = new ConfigFinder(rules, io.cwd, explicit);

  if (flags.stdin) {
    const name = flags.stdinFilename ?? '<stdin>';
    const config = flags.stdinFilename !== undefined ? finder.forFile(resolve(io.cwd, flags.stdinFilename)) : finder.forDirectory(io.cwd);
    const { text, encoding } = await helpers.readStdin();
    const output = formatText(text, formatOptionsOf(config));
    if (flags.diff) {
      if (output !== text) io.stdout.write(`${await helpers.diff(name, text, output)}\n`);
    } else if (check) {
      if (output !== text) io.stderr.write(`Would reformat: ${name}\n`);
    } else io.stdout.write(encodeText(output, encoding));
    return (check || flags.diff) && output !== text ? 1 : 0;
  }

  let failed = false;
  const problem = (message: string) => {
    failed = true;
    io.stderr.write(`haproxy-lint: ${message}\n`);
  };
  const { targets, problems } = await discover(paths.length > 0 ? paths : ['.'], io.cwd, finder).catch((error: unknown) => {
    if (error instanceof CliError) return { targets: [], problems: [error.message] };
    throw error;
  });
  problems.forEach(problem);
  let changed = 0;
  let unchanged = 0;
  const diffs: string[] = [];
  for (const target of targets) {
    try {
      const source = await readSource(target.displayPath, target.absPath);
      const output = formatText(source.text, formatOptionsOf(finder.forFile(target.absPath)));
      if (output === source.text) {
        unchanged++;
        continue;
      }
      changed++;
      if (flags.diff) diffs.push(await helpers.diff(target.displayPath, source.text, output));
      else if (check) io.stdout.write(`Would reformat: ${target.displayPath}\n`);
      else await writeSourceAtomically(source, output);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      problem(error.message);
    }
  }
  if (flags.diff) {
    if (diffs.length > 0) io.stdout.write(`${diffs.join('\n')}\n`);
  }
  const files = plural(changed, 'file');
  if (changed + unchanged === 0) return failed ? 2 : 0;
  // after a diff, stdout holds only the patch (for `git apply`)
  const summary = flags.diff ? io.stderr : io.stdout;
  if (check || flags.diff) summary.write(`${changed > 0 ? `${files} would be reformatted` : ''}${changed > 0 && unchanged > 0 ? ', ' : ''}${unchanged > 0 ? `${plural(unchanged, 'file')} already formatted` : ''}\n`);
  else io.stdout.write(`${changed > 0 ? `${files} reformatted` : ''}${changed > 0 && unchanged > 0 ? ', ' : ''}${unchanged > 0 ? `${plural(unchanged, 'file')} left unchanged` : ''}\n`);
  if (failed) return 2;
  return (check || flags.diff) && changed > 0 ? 1 : 0;
}

/**
 * `-` on the command line is standard input: alone it behaves as --stdin (lint, fix, diff); among other
 * paths it is linted and reported with them. yargs itself drops a lone `-` from positional lists.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MINIMAL = readFileSync(join(ROOT, 'fixtures/minimal.cfg'), 'utf8');
/** one `missing-final-newline` error with a safe fix */
const NO_NEWLINE = MINIMAL.replace(/\n$/, '');

async function cli(args: string[], input: string) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    cwd: ROOT,
    env: { NO_COLOR: '1' },
    stdin: (async function* () {
      yield Buffer.from(input);
    })(),
    stdout: { write: (t) => (stdout += String(t)) },
    stderr: { write: (t) => (stderr += String(t)) },
  });
  return { code, stdout, stderr };
}

describe("'-' reads standard input", () => {
  it('alone: lints it like --stdin', async () => {
    const dash = await cli(['-f', 'unix', '-'], NO_NEWLINE);
    expect(dash.code).toBe(1);
    expect(dash.stderr).toBe('');
    expect(dash.stdout).toMatch(/^<stdin>:\d+:\d+: error: .*\[missing-final-newline\]\n$/);
    expect(dash).toEqual(await cli(['-f', 'unix', '--stdin'], NO_NEWLINE));
    expect((await cli(['-'], MINIMAL)).code).toBe(0);
  });

  it('alone: --fix-only writes the fixed text to stdout, --diff prints the diff', async () => {
    expect(await cli(['--fix-only', '-'], NO_NEWLINE)).toEqual({ code: 0, stdout: MINIMAL, stderr: '' });
    const diff = await cli(['--diff', '-'], NO_NEWLINE);
    expect(diff.code).toBe(1);
    expect(diff.stdout).toContain('\\ No newline at end of file');
  });

  it('with --stdin-filename: named so in the report', async () => {
    const named = await cli(['-f', 'unix', '--stdin-filename', 'haproxy/edge.cfg', '-'], NO_NEWLINE);
    expect(named.stdout).toMatch(/^haproxy\/edge\.cfg:\d+:\d+: error: /);
  });

  it('among other paths: linted and reported with them, exit code over all', async () => {
    const both = await cli(['-f', 'unix', 'fixtures/minimal.cfg', '-'], NO_NEWLINE);
    expect(both.code).toBe(1);
    expect(both.stderr).toBe('');
    expect(both.stdout).toMatch(/^<stdin>:\d+:\d+: error: .*\[missing-final-newline\]$/m);
    const json = JSON.parse((await cli(['-f', 'json', '-', 'fixtures/minimal.cfg'], MINIMAL)).stdout) as { filePath: string }[];
    expect(json.map((r) => r.filePath)).toEqual(['<stdin>', join(ROOT, 'fixtures/minimal.cfg')]);
  });

  it('among other paths: fixing is refused (the fixed text would have nowhere to go), exit 2', async () => {
    for (const flag of ['--fix', '--fix-only', '--diff']) {
      const refused = await cli([flag, '-', 'fixtures/minimal.cfg'], NO_NEWLINE);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toBe("haproxy-lint: '-' (standard input) with other paths can only be linted: --fix, --fix-only and --diff need it alone\n");
    }
  });

  it('is still a value where an option takes one', async () => {
    const config = await cli(['--config', '-', 'fixtures/minimal.cfg'], '');
    expect(config.code).toBe(2);
    expect(config.stderr).toMatch(/^haproxy-lint: -: /);
  });
});

/**
 * `haproxy-lint PATH…` is parsed without loading yargs (src/cli/args.ts, plainLint): the result must be
 * exactly what yargs makes of the same command line, and every command line yargs reads differently
 * (a command, `help`, an option, `-`) must go to yargs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, parseArgs } from '../../src/cli/args.js';

const both = async (argv: string[]) => {
  const help: string[] = [];
  const viaYargs = await parseArgs(argv, (text) => help.push(text), 100, true).catch((error: Error) => ({ error: error.message }));
  const output: string[] = [];
  const plain = await parseArgs(argv, (text) => output.push(text), 100).catch((error: Error) => ({ error: error.message }));
  return { viaYargs: { ...viaYargs, printed: help }, plain: { ...plain, printed: output } };
};

describe('the plain lint command line', () => {
  it('names every command yargs knows', async () => {
    const printed: string[] = [];
    await parseArgs(['--help'], (text) => printed.push(text), 100);
    const section = /^Commands:\n([\s\S]*?)\n\n/m.exec(printed.join(''))?.[1] ?? '';
    const commands = [...section.matchAll(/^ {2}haproxy-lint (\S+)/gm)].map((m) => m[1]).filter((word) => !word!.startsWith('['));
    expect(commands.sort()).toEqual([...COMMAND_NAMES].sort());
  });

  it.each([
    [[]],
    [['fixtures/seed/question.cfg']],
    [['a.cfg', 'b.cfg', 'conf.d/']],
    [['*.cfg', 'dir with spaces/x.cfg', 'x=y', 'a,b']],
    [['123', '1e3', '0x10', 'true', 'false', 'null', 'undefined', 'NaN']],
    [['version', 'completion', '$0', '__proto__', 'constructor']],
    [['a.cfg', 'rules']],
    [['help']],
    [['a.cfg', 'help']],
    [['help', 'a.cfg']],
    [['rules']],
    [['format', 'a.cfg']],
    [['explain', 'missing-final-newline']],
    [['-']],
    [['a.cfg', '-']],
    [['--fix', 'a.cfg']],
    [['a.cfg', '--']],
    [['']],
  ])('%j: what yargs reads', async (argv) => {
    const { viaYargs, plain } = await both(argv);
    expect(plain).toEqual(viaYargs);
  });

  it('any words that are not options: what yargs reads', async () => {
    const word = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('help', 'version', ...COMMAND_NAMES, 'a.cfg', '-', '--', '-x', '1', '1.5', '-1', 'no-fix', '--no-color', '--fix', '--format=json'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(word, { maxLength: 4 }), async (argv) => {
        const { viaYargs, plain } = await both(argv);
        expect(plain).toEqual(viaYargs);
      }),
      { numRuns: 300 },
    );
  });
});

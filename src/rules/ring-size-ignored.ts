import type { Rule } from '../engine/types.js';

/** the ring's initial size: the buffer size (tune.bufsize, 16384 by default) */
const DEFAULT_BUFSIZE = 16384;

export const rule: Rule = {
  id: 'ring-size-ignored',
  description: 'A ring section size smaller than the buffer size, or written with a unit HAProxy 2.6 does not read, which HAProxy ignores',
  severity: 'warning',
  fixable: 'none',
  group: 'correctness',
  docs: {
    what: 'Reports `size` in a `ring` section when the number HAProxy reads is smaller than the ring\'s initial size, the buffer size (`tune.bufsize`, 16384 by default). For HAProxy 2.6 a unit suffix counts as well: it reads `size 1M` as 1 (only the leading digits).',
    why: 'HAProxy keeps the larger current size and warns ("ignoring new size \'1\' that is smaller than current size \'16384\' for ring \'keylog\'"): the ring is far smaller than intended and drops messages.',
    bad: 'ring logs\n    format raw\n    maxlen 2048\n    size 1M\n',
    good: 'ring logs\n    format raw\n    maxlen 2048\n    size 1048576\n',
    fixSafety: 'No automatic fix: whether the size was meant in bytes or with a unit cannot be told for sure.',
  },
  check({ file, report, targetVersion }) {
    let bufsize = DEFAULT_BUFSIZE;
    for (const line of file.lines) {
      if (line.kind === 'keyword' && line.keyword === 'tune.bufsize' && /^\d+$/.test(line.args[0]?.value ?? '')) bufsize = Number(line.args[0]!.value);
    }
    for (const section of file.sections) {
      if (section.kind !== 'ring') continue;
      for (const line of section.lines) {
        if (line.kind !== 'keyword' || line.keyword !== 'size' || line.condDepth > 0) continue;
        const word = line.args[0];
        if (!word || word.envRefs.length > 0) continue;
        const digits = /^\d+/.exec(word.value)?.[0];
        if (digits === undefined) continue;
        const suffix = word.value.slice(digits.length);
        if (suffix !== '' && targetVersion !== '2.6') continue;
        const read = Number(digits);
        if (read >= bufsize) continue;
        report({
          message: `ring size '${word.value}' is read as ${read} bytes${suffix ? ` (HAProxy ${targetVersion} reads only the digits)` : ''}, less than the buffer size ${bufsize}: HAProxy ignores it ("ignoring new size '${read}' that is smaller than current size '${bufsize}'"); write the size in bytes`,
          start: word.start,
          end: word.end,
        });
      }
    }
  },
};

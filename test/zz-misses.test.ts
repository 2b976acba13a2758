import { it } from 'vitest';
import { lint } from '../src/index.js';
import { loadReleases, corpusTexts, ErrorLines, measureRelease } from './helpers/verdicts.js';
it('misses', () => {
  const errors = new ErrorLines(lint as never, corpusTexts());
  for (const r of loadReleases()) {
    if (!['3.0.0','3.2.0','2.9.0'].includes(r.haproxy)) continue;
    const f = measureRelease(r, errors);
    for (const m of f.misses) console.log(r.haproxy, m.name.slice(0,60), '|', m.alerts[0]!.slice(0,150));
  }
}, 600000);

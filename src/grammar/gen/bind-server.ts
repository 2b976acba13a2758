/**
 * §5.1 bind options and §5.2 server/default-server options. The synopsis
 * shows whether an option takes a value: "crt <cert>", "verify [none|…]",
 * "expose-fd listeners" all take one; "ssl", "check" do not.
 */
import { findChapter, type Manual } from './manual.js';
import { findEntries, isDeprecatedSynopsis } from './entries.js';
import { synopsisWords } from './keyword-name.js';
import type { ManualFacts } from './facts.js';

const OPTION_CHAPTERS = [
  { group: 'bind', title: /^Bind options$/i },
  { group: 'server', title: /^Server and default-server options$/i },
] as const;

export function extractBindServerOptions(manual: Manual, facts: ManualFacts): void {
  for (const { group, title } of OPTION_CHAPTERS) {
    const chapter = findChapter(manual, title, '5');
    if (!chapter) throw new Error(`${manual.file}: chapter '${title.source}' not found`);
    for (const e of findEntries(manual, chapter.start, chapter.end)) {
      for (const line of e.synopsis) {
        const words = synopsisWords(line);
        const name = words[0];
        if (!name || !/^[a-z]/.test(name)) continue;
        facts.add(group, name, { takesArg: words.length > 1, deprecated: isDeprecatedSynopsis(line) });
        facts.addDoc(group, name, { chapter: chapter.number, text: e.text });
      }
    }
  }
}

/** Everything the generator reads from one manual, in dependency order. */
import type { Manual } from './manual.js';
import { ManualFacts } from './facts.js';
import { deriveProxyFamilies, extractActions, extractProxyMatrix, extractProxyReference } from './proxies.js';
import { extractGlobal, extractOtherSections } from './sections.js';
import { extractBindServerOptions } from './bind-server.js';
import { extractSamples } from './samples.js';

export function extractManual(manual: Manual): ManualFacts {
  const facts = new ManualFacts();
  // the matrix comes first: its multi-word names drive keyword naming everywhere else
  const rules = extractProxyMatrix(manual, facts);
  extractProxyReference(manual, facts, rules);
  extractActions(manual, facts);
  deriveProxyFamilies(facts);
  extractGlobal(manual, facts, rules);
  extractOtherSections(manual, facts, rules);
  extractBindServerOptions(manual, facts);
  extractSamples(manual, facts);
  return facts;
}

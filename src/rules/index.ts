import type { Rule } from '../engine/types.js';
import { rule as missingFinalNewline } from './missing-final-newline.js';
import { rule as syntaxError } from './syntax-error.js';
import { rule as unknownSuppressionRule } from './unknown-suppression-rule.js';
import { rule as unusedSuppression } from './unused-suppression.js';
import { rule as healthcheckUriRedirect } from './healthcheck-uri-redirect.js';
import { rule as serverWithoutName } from './server-without-name.js';
import { rule as spoofableForwardingHeader } from './spoofable-forwarding-header.js';

/** Every rule, in the order they run. Add a rule: one file in this folder, one line here. */
export const RULES: readonly Rule[] = [
  syntaxError,
  missingFinalNewline,
  unusedSuppression,
  unknownSuppressionRule,
  healthcheckUriRedirect,
  serverWithoutName,
  spoofableForwardingHeader,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}

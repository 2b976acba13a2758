import type { Rule } from '../engine/types.js';
import { rule as missingFinalNewline } from './missing-final-newline.js';
import { rule as syntaxError } from './syntax-error.js';
import { rule as unknownSuppressionRule } from './unknown-suppression-rule.js';
import { rule as unusedSuppression } from './unused-suppression.js';
import { rule as healthcheckUriRedirect } from './healthcheck-uri-redirect.js';
import { rule as serverWithoutName } from './server-without-name.js';
import { rule as spoofableForwardingHeader } from './spoofable-forwarding-header.js';
import { rule as unknownKeyword } from './unknown-keyword.js';
import { rule as keywordWrongSection } from './keyword-wrong-section.js';
import { rule as removedKeyword } from './removed-keyword.js';
import { rule as unknownServerOption } from './unknown-server-option.js';
import { rule as unknownBindOption } from './unknown-bind-option.js';
import { rule as wrongArgumentCount } from './wrong-argument-count.js';
import { rule as unquotedHeaderValue } from './unquoted-header-value.js';
import { rule as malformedMimeType } from './malformed-mime-type.js';
import { rule as http11CheckWithoutHost } from './http11-check-without-host.js';
import { rule as rstatusPlainNumber } from './rstatus-plain-number.js';
import { rule as legacyHttpchkHeaders } from './legacy-httpchk-headers.js';
import { rule as undefinedReference } from './undefined-reference.js';
import { rule as duplicateName } from './duplicate-name.js';
import { rule as unusedBackend } from './unused-backend.js';
import { rule as undefinedAcl } from './undefined-acl.js';
import { rule as unusedAcl } from './unused-acl.js';
import { rule as modeMismatch } from './mode-mismatch.js';
import { rule as missingTimeouts } from './missing-timeouts.js';
import { rule as ruleOrder } from './rule-order.js';
import { rule as unknownSampleFetch } from './unknown-sample-fetch.js';
import { rule as invalidBindAddress } from './invalid-bind-address.js';
import { rule as defaultsRulesConflict } from './defaults-rules-conflict.js';
import { rule as frontendWithoutBind } from './frontend-without-bind.js';
import { rule as invalidAddress } from './invalid-address.js';
import { rule as invalidSampleExpression } from './invalid-sample-expression.js';
import { rule as deprecatedSampleFetch } from './deprecated-sample-fetch.js';
import { rule as unusedSection } from './unused-section.js';
import { rule as invalidName } from './invalid-name.js';
import { rule as unquotedValueSpaces } from './unquoted-value-spaces.js';
import { rule as httpKeywordInTcpMode } from './http-keyword-in-tcp-mode.js';
import { rule as unreachableRule } from './unreachable-rule.js';
import { rule as ringSizeIgnored } from './ring-size-ignored.js';

/** Every rule, in the order they run. Add a rule: one file in this folder, one line here. */
export const RULES: readonly Rule[] = [
  syntaxError,
  missingFinalNewline,
  unusedSuppression,
  unknownSuppressionRule,
  healthcheckUriRedirect,
  serverWithoutName,
  spoofableForwardingHeader,
  unknownKeyword,
  keywordWrongSection,
  removedKeyword,
  unknownServerOption,
  unknownBindOption,
  wrongArgumentCount,
  unquotedHeaderValue,
  malformedMimeType,
  http11CheckWithoutHost,
  rstatusPlainNumber,
  legacyHttpchkHeaders,
  undefinedReference,
  duplicateName,
  unusedBackend,
  undefinedAcl,
  unusedAcl,
  modeMismatch,
  missingTimeouts,
  ruleOrder,
  unknownSampleFetch,
  invalidBindAddress,
  defaultsRulesConflict,
  frontendWithoutBind,
  invalidAddress,
  invalidSampleExpression,
  deprecatedSampleFetch,
  unusedSection,
  invalidName,
  unquotedValueSpaces,
  httpKeywordInTcpMode,
  unreachableRule,
  ringSizeIgnored,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}

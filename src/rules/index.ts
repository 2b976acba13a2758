import type { Rule } from '../engine/types.js';
import { rule as missingFinalNewline } from './missing-final-newline.js';
import { rule as byteOrderMark } from './byte-order-mark.js';
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
import { rule as haproxy } from './haproxy.js';
import { rule as frontendWithoutBind } from './frontend-without-bind.js';
import { rule as invalidAddress } from './invalid-address.js';
import { rule as invalidSampleExpression } from './invalid-sample-expression.js';
import { rule as deprecatedSampleFetch } from './deprecated-sample-fetch.js';
import { rule as unusedSection } from './unused-section.js';
// security group (issue #14)
import { rule as weakTlsVersion } from './security/weak-tls-version.js';
import { rule as weakTlsCipher } from './security/weak-tls-cipher.js';
import { rule as weakDhParam } from './security/weak-dh-param.js';
import { rule as crtWithoutSsl } from './security/crt-without-ssl.js';
import { rule as sslVerifyNone } from './security/ssl-verify-none.js';
import { rule as statsPageUnprotected } from './security/stats-page-unprotected.js';
import { rule as statsAdminUnprotected } from './security/stats-admin-unprotected.js';
import { rule as statsSocketExposed } from './security/stats-socket-exposed.js';
import { rule as statsSocketWithoutMode } from './security/stats-socket-without-mode.js';
import { rule as userlistInsecurePassword } from './security/userlist-insecure-password.js';
import { rule as prometheusExporterExposed } from './security/prometheus-exporter-exposed.js';
import { rule as statsVersionDisclosure } from './security/stats-version-disclosure.js';
import { rule as serverHeaderExposed } from './security/server-header-exposed.js';
import { rule as processRunsAsRoot } from './security/process-runs-as-root.js';
import { rule as missingChroot } from './security/missing-chroot.js';
import { rule as insecureProcessOption } from './security/insecure-process-option.js';
import { rule as missingHsts } from './security/missing-hsts.js';
import { rule as missingSecurityHeaders } from './security/missing-security-headers.js';
import { rule as missingHttpRequestTimeout } from './security/missing-http-request-timeout.js';
import { rule as missingRequestBodyLimit } from './security/missing-request-body-limit.js';
import { rule as missingHttpsRedirect } from './security/missing-https-redirect.js';
import { rule as clientIpFromHeader } from './security/client-ip-from-header.js';
import { rule as acceptProxyUnrestricted } from './security/accept-proxy-unrestricted.js';
import { rule as invalidName } from './invalid-name.js';
import { rule as unquotedValueSpaces } from './unquoted-value-spaces.js';
import { rule as httpKeywordInTcpMode } from './http-keyword-in-tcp-mode.js';
import { rule as unreachableRule } from './unreachable-rule.js';
import { rule as ringSizeIgnored } from './ring-size-ignored.js';
// values and arguments (issue #11)
import { rule as invalidValue } from './invalid-value.js';
import { rule as valueOutOfRange } from './value-out-of-range.js';
import { rule as invalidTime } from './invalid-time.js';
import { rule as invalidStatusCode } from './invalid-status-code.js';
import { rule as missingArgument } from './missing-argument.js';
import { rule as unexpectedArgument } from './unexpected-argument.js';
import { rule as unsetEnvironmentVariable } from './unset-environment-variable.js';
import { rule as invalidCondition } from './invalid-condition.js';
import { rule as httpCheckWithoutHttpchk } from './http-check-without-httpchk.js';
import { rule as logFormatWithoutLog } from './log-format-without-log.js';
import { rule as l6FetchInHttpMode } from './l6-fetch-in-http-mode.js';
import { rule as ambiguousDefaults } from './ambiguous-defaults.js';
import { rule as unknownFilter } from './unknown-filter.js';
import { rule as proxyArgumentInDefaults } from './proxy-argument-in-defaults.js';

/** Every rule, in the order they run. Add a rule: one file in this folder, one line here. */
export const RULES: readonly Rule[] = [
  syntaxError,
  missingFinalNewline,
  byteOrderMark,
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
  haproxy,
  frontendWithoutBind,
  invalidAddress,
  invalidSampleExpression,
  deprecatedSampleFetch,
  unusedSection,
  weakTlsVersion,
  weakTlsCipher,
  weakDhParam,
  crtWithoutSsl,
  sslVerifyNone,
  statsPageUnprotected,
  statsAdminUnprotected,
  statsSocketExposed,
  statsSocketWithoutMode,
  userlistInsecurePassword,
  prometheusExporterExposed,
  statsVersionDisclosure,
  serverHeaderExposed,
  processRunsAsRoot,
  missingChroot,
  insecureProcessOption,
  missingHsts,
  missingSecurityHeaders,
  missingHttpRequestTimeout,
  missingRequestBodyLimit,
  missingHttpsRedirect,
  clientIpFromHeader,
  acceptProxyUnrestricted,
  invalidName,
  unquotedValueSpaces,
  httpKeywordInTcpMode,
  unreachableRule,
  ringSizeIgnored,
  invalidValue,
  valueOutOfRange,
  invalidTime,
  invalidStatusCode,
  missingArgument,
  unexpectedArgument,
  unsetEnvironmentVariable,
  invalidCondition,
  httpCheckWithoutHttpchk,
  logFormatWithoutLog,
  l6FetchInHttpMode,
  ambiguousDefaults,
  unknownFilter,
  proxyArgumentInDefaults,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}

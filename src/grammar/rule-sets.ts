/** The keywords that take an action as their next word (`http-request set-header …`), longest first where they share a prefix. */
export const RULE_SET_FAMILIES = [
  'tcp-request connection',
  'tcp-request session',
  'tcp-request content',
  'tcp-response content',
  'http-after-response',
  'http-request',
  'http-response',
  'quic-initial',
] as const;

/**
 * Parses the `[ALERT]` / `[WARNING]` lines that `haproxy -c` prints on stderr (2.6 format):
 *
 *   [ALERT]    (123) : config : parsing [/tmp/x/haproxy.cfg:6] : 'maxconn' expects an integer argument.
 *   [ALERT]    (123) : config : [/tmp/x/haproxy.cfg:48] : 'server be/s1' : could not resolve address 'db'.
 *   [WARNING]  (123) : config : parsing [/tmp/x/haproxy.cfg:12] : a 'http-request' rule placed after …
 *   [ALERT]    (123) : config : Parsing [/tmp/x/haproxy.cfg:9]: frontend 'www' has the same name as backend 'www' …
 *
 * (`Parsing` with a capital P is how HAProxy words the duplicate and same-name proxy alerts.)
 * Lines that do not start with `[` continue the previous message (HAProxy wraps long hints).
 */
import type { Message } from './types.js';

export interface ParsedOutput {
  alerts: Message[];
  warnings: Message[];
}

const HEAD = /^\[(ALERT|WARNING|NOTICE)\]\s*(?:\(\d+\)\s*)?:\s*(.*)$/;
/** `config : ` and similar producer tags in front of the message */
const PRODUCER = /^([a-z][a-z-]*)\s*:\s*/;
const LOCATION = /^(?:parsing\s*)?\[([^\]]+):(\d+)\]\s*:?\s*/i;

export function parseHaproxyOutput(output: string): ParsedOutput {
  const alerts: Message[] = [];
  const warnings: Message[] = [];
  let last: Message | undefined;
  for (const rawLine of output.split(/\r?\n/)) {
    const head = HEAD.exec(rawLine);
    if (!head) {
      // continuation of the previous alert/warning (indented hints), or unrelated noise
      if (last && rawLine.trim() !== '' && !/^Configuration file |^Warnings were found/.test(rawLine)) {
        last.message += '\n' + rawLine.trim();
      }
      continue;
    }
    const level = head[1];
    let rest = head[2] ?? '';
    const producer = PRODUCER.exec(rest);
    if (producer && !/^parsing\b/i.test(rest)) rest = rest.slice(producer[0].length);
    const entry: Message = { message: '' };
    const location = LOCATION.exec(rest);
    if (location) {
      entry.file = location[1];
      entry.line = Number(location[2]);
      rest = rest.slice(location[0].length);
    }
    entry.message = rest.trim();
    if (level === 'ALERT') alerts.push(entry);
    else if (level === 'WARNING') warnings.push(entry);
    last = level === 'NOTICE' ? undefined : entry;
  }
  return { alerts, warnings };
}

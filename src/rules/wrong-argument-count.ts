import type { Rule } from '../engine/types.js';
import type { Line, Word } from '../parser/ast.js';
import { suggest } from '../grammar/index.js';
import { claimedLines } from './keywords/classify.js';
import { hasEnv, PROXY_KINDS, versionsInAnyProxy, toVersion, compareVersions } from './keywords/knowledge.js';
import { readTime } from './values/time.js';

/** Proxy keywords taking exactly one value ("'x' cannot handle unexpected argument" in 2.6.12). */
const SINGLE_VALUE = new Set(['maxconn', 'fullconn', 'retries']);
const TIME_VALUE = /^\d+(us|ms|s|m|h|d)?$/;
const BALANCE_ALGORITHMS = ['roundrobin', 'static-rr', 'leastconn', 'first', 'source', 'uri', 'url_param', 'hdr', 'random', 'rdp-cookie', 'hash'];
/** the log-backend algorithms came with log backends, in 2.9 (verified with the 2.9.0 verdicts) */
const BALANCE_NEWER: Record<string, '2.9'> = { sticky: '2.9', 'log-hash': '2.9' };
/** the keywords checked besides `timeout <x>` */
const CHECKED = new Set(['mode', 'balance', 'compression', 'option httpchk', 'http-send-name-header', 'http-request', ...SINGLE_VALUE]);
/** `compression` sub-keywords per version (2.6.12: "'compression' expects 'algo', 'type' or 'offload'"). */
const COMPRESSION_26 = ['algo', 'type', 'offload'];
const COMPRESSION_28 = [...COMPRESSION_26, 'algo-req', 'algo-res', 'type-req', 'type-res', 'direction'];
const COMPRESSION_32 = [...COMPRESSION_28, 'minsize-req', 'minsize-res'];

export const rule: Rule = {
  id: 'wrong-argument-count',
  description: 'A keyword given a wrong number of arguments or a value outside its fixed set (timeouts, mode, balance, maxconn)',
  severity: 'error',
  fixable: 'none',
  group: 'keywords',
  docs: {
    what:
      "Checks a small set of keywords whose arguments the manual fixes exactly: `timeout <x>` takes one time value (`5s`, `100ms`; a bare number is milliseconds); `mode` takes one of `tcp` or `http` (`spop` from 3.1); `balance` takes a known algorithm; `compression` takes a known setting (`algo`, `type`, `offload`; `algo-req`, `algo-res`, `type-req`, `type-res`, `direction` from 2.8; `minsize-req`, `minsize-res` from 3.2); `option httpchk` takes at most three arguments (method, URI, version; a fourth, the host, from 3.2); `maxconn` (global and proxies), `fullconn` and `retries` take a single value; `http-send-name-header` may not name `Host` from 3.3; `http-request cache-use <name> no-early-hints` needs 3.5. A timer with two units (`1m30s`) is a warning: HAProxy reads only the first unit and says so, but loads the file. Values coming from environment variables are not checked.",
    why: 'HAProxy refuses each of these ("\'timeout connect\' : unexpected extra argument", "unknown proxy mode", "balance only supports …"), so the proxy does not start.',
    bad: 'defaults\n    mode http\n    timeout connect 5s 10s\n',
    good: 'defaults\n    mode http\n    timeout connect 5s\n',
    fixSafety: 'No automatic fix: which of the values was meant cannot be known.',
  },
  check({ file, targetVersion, report }) {
    const target = toVersion(targetVersion);
    const claimed = claimedLines(file, targetVersion);
    for (const section of file.sections) {
      const isProxy = PROXY_KINDS.has(section.kind);
      const timeoutSections = isProxy || ['resolvers', 'mailers', 'ring', 'log-forward', 'peers'].includes(section.kind);
      for (const line of section.lines) {
        if (line.kind !== 'keyword' || claimed.has(line) || line.modifier) continue;
        const kw = line.keyword;
        if (!CHECKED.has(kw) && !kw.startsWith('timeout ')) continue;
        const args = line.args;
        if (args.some((w) => hasEnv(w))) continue;
        const extra = (from: number) => report({ message: `'${kw}' takes a single value: unexpected extra argument '${args[from]!.value}'`, start: args[from]!.start, end: args[args.length - 1]!.end });
        if (kw.startsWith('timeout ') && timeoutSections && line.keywordWordCount === 2) {
          if (isProxy && versionsInAnyProxy(kw).length === 0) continue;
          if (args.length === 0) {
            report({ message: `'${kw}' expects a time value (e.g. 5s, 100ms)`, start: line.words[0]!.start, end: line.words[line.keywordWordCount - 1]!.end });
          } else if (args.length > 1) {
            extra(1);
          } else if (!TIME_VALUE.test(args[0]!.value)) {
            const reading = readTime(args[0]!.value);
            if (!reading.ok && reading.reason === 'trailing') {
              // `1m30s`: HAProxy (2.6 to 3.0 at least) warns and reads `1m`; not a refusal
              report({ severity: 'warning', message: `'${kw}' reads only the first unit of '${args[0]!.value}': HAProxy ignores what follows '${reading.character}' (write one unit, e.g. 90s)`, start: args[0]!.start, end: args[0]!.end });
            } else {
              report({ message: `'${kw}' expects a time value such as 5s or 100ms, not '${args[0]!.value}'`, start: args[0]!.start, end: args[0]!.end });
            }
          }
          continue;
        }
        if (section.kind === 'global' && kw === 'maxconn' && args.length > 1) extra(1);
        if (!isProxy) continue;
        if (kw === 'mode') {
          if (args.length === 0) report({ message: "'mode' expects 'tcp' or 'http'", start: line.words[0]!.start, end: line.words[0]!.end });
          else if (args.length > 1) extra(1);
          else checkMode(args[0]!, target, report);
        } else if (SINGLE_VALUE.has(kw)) {
          if (args.length > 1) extra(1);
        } else if (kw === 'balance' && args[0]) {
          checkBalance(line, args[0], target, report);
        } else if (kw === 'compression' && args[0]) {
          const known = compareVersions(target, '3.2') >= 0 ? COMPRESSION_32 : compareVersions(target, '2.8') >= 0 ? COMPRESSION_28 : COMPRESSION_26;
          const sub = args[0].value;
          if (!known.includes(sub)) {
            const since = COMPRESSION_28.includes(sub) ? '2.8' : COMPRESSION_32.includes(sub) ? '3.2' : undefined;
            const message = since
              ? `'compression ${sub}' is not available before HAProxy ${since} (target version ${targetVersion})`
              : `unknown 'compression' setting '${sub}': expected ${known.map((k) => `'${k}'`).join(', ')}`;
            report({ message, start: args[0].start, end: args[0].end });
          }
        } else if (kw === 'http-request' && args[0]?.value === 'cache-use' && args[2]?.value === 'no-early-hints' && compareVersions(target, '3.5') < 0) {
          report({ message: `'http-request cache-use <name> no-early-hints' is not available before HAProxy 3.5-dev (target version ${targetVersion}): older versions expect 'if' or 'unless' after the cache name`, start: args[2].start, end: args[2].end });
        } else if (kw === 'http-send-name-header' && args[0]?.value.toLowerCase() === 'host' && compareVersions(target, '3.3') >= 0) {
          report({ message: "'host' cannot be the header of 'http-send-name-header': HAProxy 3.3 and later refuse it (older versions let it replace the Host header)", start: args[0].start, end: args[0].end });
        } else if (kw === 'option httpchk' && args.length > (compareVersions(target, '3.2') >= 0 ? 4 : 3)) {
          const max = compareVersions(target, '3.2') >= 0 ? 4 : 3;
          const hostHint = max === 3 ? ' (a fourth argument, the Host, needs HAProxy 3.2)' : '';
          report({
            message: `'option httpchk' takes at most ${max === 3 ? 'a method, a URI and an HTTP version' : 'a method, a URI, an HTTP version and a host'}${hostHint}: HAProxy refuses the extra argument '${args[max]!.value}' ("cannot handle unexpected argument"); send headers with \`http-check send hdr <name> <value>\``,
            start: args[max]!.start,
            end: args[args.length - 1]!.end,
          });
        }
      }
    }
  },
};

type Report = Parameters<NonNullable<Rule['check']>>[0]['report'];

function checkMode(word: Word, target: ReturnType<typeof toVersion>, report: Report): void {
  const value = word.value;
  if (value === 'tcp' || value === 'http' || value === 'health') return; // health: removed-keyword
  if (value === 'log') {
    if (compareVersions(target, '2.9') < 0) report({ message: "proxy mode 'log' (log backends) is not available before HAProxy 2.9", start: word.start, end: word.end });
    return;
  }
  if (value === 'spop') {
    if (compareVersions(target, '3.1') < 0) report({ message: "proxy mode 'spop' is not available before HAProxy 3.1", start: word.start, end: word.end });
    return;
  }
  const lower = value.toLowerCase();
  const hint = lower === 'tcp' || lower === 'http' ? `; did you mean '${lower}'? (modes are case-sensitive)` : '';
  report({ message: `unknown proxy mode '${value}': expected 'tcp' or 'http'${hint}`, start: word.start, end: word.end });
}

function checkBalance(line: Line, word: Word, target: ReturnType<typeof toVersion>, report: Report): void {
  const algo = word.value.replace(/\(.*$/, '');
  if (BALANCE_ALGORITHMS.includes(algo)) return;
  const newer = BALANCE_NEWER[algo];
  if (newer) {
    if (compareVersions(target, newer) < 0) report({ message: `balance algorithm '${algo}' is not available before HAProxy ${newer}`, start: word.start, end: word.end });
    return;
  }
  const candidates = suggest(algo, [...BALANCE_ALGORITHMS, ...Object.keys(BALANCE_NEWER)]);
  const hint = candidates.length > 0 ? `; did you mean ${candidates.map((c) => `'${c}'`).join(' or ')}?` : '';
  report({ message: `unknown balance algorithm '${word.value}'${hint}`, start: word.start, end: word.end });
  void line;
}

import type { Word } from '../parser/ast.js';
import type { Rule, RuleContext } from '../engine/types.js';
import type { Version } from '../grammar/index.js';
import {
  aclKeywordFetch, argumentProblem, castable, converterSignature, fetchSignature, logFormatAliasKnown, logFormatAliasVersions,
  parseSampleExpression, type SampleSyntaxError, type SampleType,
} from './shared/sample-expr.js';
import { expressionSites, logFormatWords } from './shared/sample-sites.js';
import { sourceOffset } from './shared/words.js';
import { conditionIndex } from './model/conditions.js';

/** Fetches whose length argument must be positive (val_payload_lv()). */
const PAYLOAD_LV = new Set(['payload_lv', 'req.payload_lv', 'res.payload_lv']);

export const rule: Rule = {
  id: 'invalid-sample-expression',
  description: 'A sample expression or log-format string HAProxy cannot parse: syntax, argument count and types, converter input types, unknown log-format variables',
  severity: 'error',
  fixable: 'none',
  group: 'correctness',
  docs: {
    what:
      'Parses each sample expression (`fetch(args),converter(args),…`) of `acl` lines, anonymous ACLs (`{ … }`), `set-var(…)`, `track-sc*`, `capture`, `set-src`…, `stick on|match|store-*` and every `%[…]` of a log-format argument, as HAProxy does, with the fetch and converter signatures of the target version (from `haproxy -dKall`): a missing fetch (`%[(arg)]`), an unclosed parenthesis (`%[req.hdr(]`), a missing comma (`%[hdr(arg))]`), a `%[` with no `]`, a `{` anonymous ACL with no `}`, too many or too few arguments (`always_true(arg)`, `map()`, `ipmask`), an argument of the wrong type (`req.hdr(a,a)`: the occurrence is an integer; `ipmask(a)`), a converter that cannot take the value before it (`wait_end,ipmask(2)`: a boolean is no address), and in `log-format`-like strings and `set-header`/`add-header` values a `%<variable>` the target version does not know (`%zz`). Unknown fetch and converter names are left to `unknown-sample-fetch`; expressions with quotes, backslashes or environment variables are not judged.',
    why:
      'HAProxy refuses the whole configuration on any of these ("failed to parse sample expression <(arg)]> : missing fetch method", "expected type \'integer\' at position 1, but got nothing", "converter \'ipmask\' cannot be applied", "no such format variable \'zz\'").',
    bad: 'frontend www\n    bind :80\n    http-request set-header X-Net %[src,ipmask(a)]\n    http-request set-header X-Host %[req.hdr(host)\n    log-format "%ci %zz"\n    default_backend app\n',
    good: 'frontend www\n    bind :80\n    http-request set-header X-Net %[src,ipmask(24)]\n    http-request set-header X-Host %[req.hdr(host)]\n    log-format "%ci %ST"\n    default_backend app\n',
    fixSafety: 'No automatic fix: what the expression was meant to say cannot be known.',
  },
  check(ctx) {
    const target = ctx.targetVersion as Version;
    const reportAt = (word: Word, problem: SampleSyntaxError) => {
      ctx.report({
        message: problem.message,
        start: sourceOffset(word, problem.from) ?? word.start,
        end: sourceOffset(word, Math.max(problem.to, problem.from + 1)) ?? word.end,
      });
    };
    for (const site of expressionSites(ctx.file)) {
      const problem = judgedExpression(site.word.value, site.from, site.context, target);
      if (problem) reportAt(site.word, problem);
    }
    // an anonymous ACL opened with `{` and never closed
    for (const line of ctx.file.lines) {
      const cond = line.kind === 'keyword' ? conditionIndex(line) : undefined;
      if (cond === undefined) continue;
      let open: Word | undefined;
      const args = line.args;
      for (let i = cond + 1; i < args.length; i++) {
        const word = args[i]!;
        if (word.quoting !== 'none') continue;
        if (/^!*\{$/.test(word.value)) open ??= word;
        else if (word.value === '}') open = undefined;
      }
      if (open) ctx.report({ message: "anonymous ACL opened with '{' is never closed: HAProxy refuses this condition (missing closing '}')", start: open.start, end: open.end });
    }
    for (const word of logFormatWords(ctx.file)) {
      const problem = unknownAlias(word.value, target);
      if (problem) reportAt(word, problem);
    }
  },
};

type Context = 'acl' | 'fetch' | 'log-format';

/** Verdicts by target, context, start and text: configs repeat the same expressions (`{ ssl_fc }`, `path_beg`) on every proxy. */
const verdicts = new Map<Version, Map<Context, Map<number, Map<string, SampleSyntaxError | null>>>>();
const MAX_REMEMBERED = 20_000;
let remembered = 0;

function judgedExpression(text: string, from: number, context: Context, target: Version): SampleSyntaxError | undefined {
  let byContext = verdicts.get(target);
  if (!byContext) verdicts.set(target, (byContext = new Map()));
  let byFrom = byContext.get(context);
  if (!byFrom) byContext.set(context, (byFrom = new Map()));
  let byText = byFrom.get(from);
  if (!byText) byFrom.set(from, (byText = new Map()));
  const known = byText.get(text);
  if (known !== undefined) return known ?? undefined;
  const problem = expressionProblem(text, from, context, target);
  if (remembered >= MAX_REMEMBERED) {
    verdicts.clear();
    remembered = 0;
  } else {
    byText.set(text, problem ?? null);
    remembered++;
  }
  return problem;
}

function expressionProblem(text: string, from: number, context: 'acl' | 'fetch' | 'log-format', target: Version): SampleSyntaxError | undefined {
  const { expr, error } = parseSampleExpression(text, from, context === 'log-format');
  if (error) return { ...error, message: `${error.message}: HAProxy refuses this sample expression` };
  if (!expr) return undefined;
  if (context === 'log-format' && text[expr.end] !== ']') {
    const found = text[expr.end];
    return found === undefined
      ? { message: `'%[' is never closed: HAProxy refuses this log-format string (missing ']' after '${text.slice(from)}')`, from: from - 1, to: text.length }
      : { message: `expected ']' after '${text.slice(from, expr.end)}', but found '${found}': HAProxy refuses this log-format string`, from: expr.end, to: expr.end + 1 };
  }
  const fetch = expr.fetch;
  let sig = fetchSignature(fetch.name, target);
  let kind: 'fetch method' | 'ACL keyword' = 'fetch method';
  if (!sig && context === 'acl') {
    const aliased = aclKeywordFetch(fetch.name, target);
    if (aliased) {
      sig = fetchSignature(aliased, target);
      kind = 'ACL keyword';
    }
  }
  if (!sig) return undefined; // unknown names are unknown-sample-fetch's; Lua and module fetches have no signature here
  const refused = (p: SampleSyntaxError) => ({ ...p, message: `${p.message}: HAProxy refuses this` });
  const argProblem = argumentProblem(fetch, sig, kind);
  if (argProblem) return refused(argProblem);
  if (PAYLOAD_LV.has(fetch.name) && fetch.args?.[1] && /^[+-]?\d+$/.test(fetch.args[1].text) && Number(fetch.args[1].text) <= 0) {
    const arg = fetch.args[1];
    return refused({ message: `fetch method '${fetch.name}': the length of the length field must be > 0, not ${arg.text} ("payload length must be > 0")`, from: arg.at, to: arg.at + arg.text.length });
  }
  if (kind === 'ACL keyword') return undefined;
  let type: SampleType = sig.out;
  for (const conv of expr.converters) {
    const csig = converterSignature(conv.name, target);
    if (!csig) {
      type = 'any';
      continue;
    }
    const convProblem = argumentProblem(conv, csig, 'converter');
    if (convProblem) return refused(convProblem);
    if (csig.in && !castable(type, csig.in)) {
      return refused({ message: `converter '${conv.name}' cannot be applied to the ${type} value before it (it takes ${csig.in})`, from: conv.at, to: conv.end });
    }
    type = csig.out;
  }
  return undefined;
}

/** The first `%<name>` of a log-format string the target's manual does not list, as a problem. */
function unknownAlias(value: string, target: Version): SampleSyntaxError | undefined {
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== '%') continue;
    let j = i + 1;
    if (value[j] === '%') {
      i = j;
      continue;
    }
    if (value[j] === '{') {
      const close = value.indexOf('}', j);
      if (close < 0) return { message: `'%{' flags are never closed: HAProxy refuses this log-format string`, from: i, to: value.length };
      j = close + 1;
    }
    if (value[j] === '[') {
      const close = value.indexOf(']', j);
      if (close < 0) return undefined; // reported with the expression
      i = close;
      continue;
    }
    const alias = /^[A-Za-z0-9]+/.exec(value.slice(j))?.[0];
    if (!alias) continue;
    const at = i;
    i = j + alias.length - 1;
    if (logFormatAliasKnown(alias, target)) continue;
    const later = logFormatAliasVersions(alias);
    const when = later.length > 0 ? ` (it first appears in HAProxy ${later[0]})` : '';
    return { message: `unknown log-format variable '%${alias}'${when}: HAProxy ${target} refuses this ("no such format variable '${alias}'"); write '%%' for a literal percent sign`, from: at, to: j + alias.length };
  }
  return undefined;
}

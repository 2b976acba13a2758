/** HTTP status codes given to keywords: errorfile, deny_status, return status, set-status, redirect code, http-check expect status. */
import type { Word } from '../../parser/ast.js';
import type { LineChecker, LineContext } from './problems.js';
import { RULE_SETS } from '../keywords/knowledge.js';

/** the codes HAProxy can generate its own error page for (the manual of each version, `errorfile`) */
function handledCodes(ctx: LineContext): number[] {
  const base = [200, 400, 401, 403, 404, 405, 407, 408, 410, 413, 425, 429, 500, 501, 502, 503, 504];
  return ctx.atLeast('3.1') ? [...base, 414, 431] : base;
}

function codeIn(ctx: LineContext, word: Word, min: number, max: number, what: string): boolean {
  if (/^\d+$/.test(word.value) && Number(word.value) >= min && Number(word.value) <= max) return true;
  ctx.problem('status', `${what} expects an HTTP status code between ${min} and ${max}, not '${word.value}'`, word);
  return false;
}

function handled(ctx: LineContext, word: Word, what: string): void {
  const codes = handledCodes(ctx);
  if (codes.includes(Number(word.value)) && /^\d+$/.test(word.value)) return;
  ctx.problem('status', `${what}: HAProxy has no error page for status code '${word.value}' (it handles ${codes.join(', ')})`, word);
}

/** `errorfile <code> <file>`, `errorloc[302|303] <code> <url>` */
const errorPage: LineChecker = (ctx) => {
  const code = ctx.line.args[0];
  if (code) handled(ctx, code, `'${ctx.line.keyword}'`);
};

/** `http-error status <code> …` */
const httpError: LineChecker = (ctx) => {
  const args = ctx.line.args;
  if (args[0]?.value !== 'status' || !args[1]) return;
  if (codeIn(ctx, args[1], 200, 599, "'http-error status'")) handled(ctx, args[1], "'http-error status'");
};

/** rule-set actions: `deny|tarpit [deny_status <code>|status <code>]`, `return status <code>`, `set-status <code>`, `redirect … code <code>` */
const ruleAction: LineChecker = (ctx) => {
  const args = ctx.line.args;
  const action = args[0]?.value;
  if (!action) return;
  const after = (keyword: string): Word | undefined => {
    for (let i = 1; i < args.length - 1; i++) {
      const v = args[i]!.value;
      if (v === 'if' || v === 'unless') return undefined;
      if (v === keyword) return args[i + 1];
    }
    return undefined;
  };
  if (action === 'deny' || action === 'tarpit') {
    const code = after('deny_status') ?? after('status');
    if (code) codeIn(ctx, code, 200, 599, `'${ctx.line.keyword} ${action}' status`);
  } else if (action === 'return') {
    const code = after('status');
    if (code) codeIn(ctx, code, 200, 599, `'${ctx.line.keyword} return' status`);
  } else if (action === 'set-status' && args[1]) {
    codeIn(ctx, args[1], 100, 999, `'${ctx.line.keyword} set-status'`);
  } else if (action === 'redirect') {
    redirectCode(ctx, after('code'));
  }
};

function redirectCode(ctx: LineContext, code: Word | undefined): void {
  if (!code || ['301', '302', '303', '307', '308'].includes(code.value)) return;
  ctx.problem('status', `the redirect code must be one of 301, 302, 303, 307 or 308, not '${code.value}'`, code);
}

/** `redirect location|prefix|scheme <to> [code <code>] …` */
const redirect: LineChecker = (ctx) => {
  const args = ctx.line.args;
  for (let i = 0; i < args.length - 1; i++) {
    const v = args[i]!.value;
    if (v === 'if' || v === 'unless') return;
    if (v === 'code' && i >= 2) {
      redirectCode(ctx, args[i + 1]);
      return;
    }
  }
};

/** the options of `http-check expect`/`tcp-check expect` before the match, each with a value */
export const EXPECT_OPTIONS = new Set(['min-recv', 'comment', 'ok-status', 'error-status', 'tout-status', 'on-success', 'on-error', 'status-code']);

/** `http-check expect [!] status <codes>`: digits, ranges and commas only */
const httpCheckExpect: LineChecker = (ctx) => {
  const args = ctx.line.args;
  let i = 0;
  while (args[i] && (args[i]!.value === '!' || EXPECT_OPTIONS.has(args[i]!.value))) i += args[i]!.value === '!' ? 1 : 2;
  if (args[i]?.value !== 'status' || !args[i + 1]) return;
  const list = args[i + 1]!;
  const bad = /[^0-9,-]/.exec(list.value);
  if (bad) ctx.problem('status', `invalid character '${bad[0]}' in the list of status codes '${list.value}' of 'http-check expect status' (digits, ',' and '-' ranges only)`, list);
};

export function statusChecker(keyword: string): LineChecker | undefined {
  switch (keyword) {
    case 'errorfile':
    case 'errorloc':
    case 'errorloc302':
    case 'errorloc303':
      return errorPage;
    case 'http-error':
      return httpError;
    case 'redirect':
      return redirect;
    case 'http-check expect':
      return httpCheckExpect;
  }
  if (keyword in RULE_SETS && !keyword.startsWith('tcp-')) return ruleAction;
  return undefined;
}

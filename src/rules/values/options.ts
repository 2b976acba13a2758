/** Arguments of the `option` family (`option mysql-check user <name>`, `option forwardfor header <name>`, argument-less options). */
import type { LineChecker } from './problems.js';
import { expectOneOf, listOf, unexpected } from './helpers.js';
import { familyMemberRecord } from '../../grammar/index.js';

/** `option` members taking no argument that are not in the binary's option table (verified with 2.6.12). */
const NO_ARGUMENT_OPTIONS = new Set(['external-check', 'http-keep-alive', 'http-server-close', 'httpclose', 'ldap-check', 'redis-check', 'spop-check', 'ssl-hello-chk', 'tcp-check', 'tcpka']);
/** options taking `clf` from 3.1 (`option tcplog [clf]`); `httpslog` likewise left alone from 3.1 */
const NO_ARGUMENT_BEFORE_31 = new Set(['tcplog', 'httpslog']);

export const optionChecker: LineChecker = (ctx) => {
  const member = ctx.line.keyword.slice('option '.length);
  const args = ctx.line.args;
  const what = `'option ${member}'`;
  switch (member) {
    case 'mysql-check': {
      if (args.length === 0) return;
      if (args[0]!.value !== 'user') {
        ctx.problem('value', `${what} accepts only 'user <username>' as argument, not '${args[0]!.value}'`, args[0]!);
        return;
      }
      if (!args[1]) {
        ctx.problem('missing', `'option ${member} user' expects a username`, args[0]!);
        return;
      }
      const versions = ['post-41', 'pre-41', ...(ctx.atLeast('3.3') ? ['post-80'] : [])];
      if (args[2] && !expectOneOf(ctx, args[2], versions, `${what} user <username>`)) return;
      unexpected(ctx, args, 3, what);
      return;
    }
    case 'pgsql-check':
      if (args.length === 0 || args[0]!.value !== 'user') {
        ctx.problem(args.length === 0 ? 'missing' : 'value', `${what} expects 'user <username>' as argument${args[0] ? `, not '${args[0].value}'` : ''}`, args[0] ?? ctx.keywordSpan);
      } else if (!args[1]) ctx.problem('missing', `'option ${member} user' expects a username`, args[0]!);
      else unexpected(ctx, args, 2, what);
      return;
    case 'forwardfor':
    case 'originalto': {
      const known = member === 'forwardfor' ? ['except', 'header', 'if-none'] : ['except', 'header'];
      for (let i = 0; i < args.length; i++) {
        const word = args[i]!;
        if (word.value === 'if-none' && member === 'forwardfor') continue;
        if (word.value === 'except' || word.value === 'header') {
          if (!args[i + 1]) ctx.problem('missing', `${what} ${word.value} expects ${word.value === 'except' ? 'a network (<address>[/mask])' : 'a header name'}`, word);
          i++;
          continue;
        }
        ctx.problem('value', `${what} accepts only ${listOf(known)}, not '${word.value}'`, word);
        return;
      }
      return;
    }
    case 'httplog':
      if (args[0] && expectOneOf(ctx, args[0], ['clf'], `${what}`)) unexpected(ctx, args, 1, what);
      return;
    case 'http-restrict-req-hdr-names':
      if (!args[0]) ctx.problem('missing', `${what} expects 'preserve', 'delete' or 'reject'`, ctx.keywordSpan);
      else if (expectOneOf(ctx, args[0], ['preserve', 'delete', 'reject'], what)) unexpected(ctx, args, 1, what);
      return;
  }
  if (args.length === 0) return;
  const registered = familyMemberRecord('option', member)?.registered?.includes(ctx.target) ?? false;
  if (registered || NO_ARGUMENT_OPTIONS.has(member) || (NO_ARGUMENT_BEFORE_31.has(member) && !ctx.atLeast('3.1'))) unexpected(ctx, args, 0, what);
};

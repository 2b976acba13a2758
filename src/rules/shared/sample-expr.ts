/**
 * Sample expressions (`fetch(args),conv(args),…`) as HAProxy 2.6+ reads them (sample_parse_expr(),
 * make_arg_list()), with the per-version signatures of grammar/sample-signatures.json (generated
 * from the `haproxy -dKall` dumps by scripts/sample-signatures.mjs).
 */
import { readFileSync } from 'node:fs';
import { PACKAGE_ROOT } from '../../package-root.js';
import type { Version } from '../../grammar/index.js';

// ─── signatures ─────────────────────────────────────────────────────────────────────────────────────

/** HAProxy's sample types */
export type SampleType = 'any' | 'bool' | 'sint' | 'addr' | 'ipv4' | 'ipv6' | 'str' | 'bin' | 'meth';

export interface Signature {
  /** argument type names as HAProxy prints them (`integer`, `string`, `IPv4 mask`…) */
  args: string[];
  /** how many leading arguments are mandatory */
  min: number;
  out: SampleType;
  /** converters only */
  in?: SampleType;
}

interface SignaturesFile {
  fetches: Record<string, Array<[string, string[]]>>;
  converters: Record<string, Array<[string, string[]]>>;
  acls: Record<string, Array<[string, string[]]>>;
  logFormatAliases: Record<string, string[]>;
}

let data: SignaturesFile | undefined;
function signaturesFile(): SignaturesFile {
  return (data ??= JSON.parse(readFileSync(new URL('grammar/sample-signatures.json', PACKAGE_ROOT), 'utf8')) as SignaturesFile);
}

/** `name(type,type[,type]): out [=> in]` */
export function parseSignature(text: string): Signature {
  const m = /^[^(:]+(?:\((.*)\))?: (\w+)(?: => (\w+))?$/.exec(text);
  if (!m) throw new Error(`bad signature ${text}`);
  const args: string[] = [];
  let min = 0;
  let optional = false;
  for (const piece of (m[1] ?? '').split(/(\[|\]|,)/)) {
    if (piece === '[') optional = true;
    else if (piece === ']' || piece === ',' || piece === '') continue;
    else {
      args.push(piece);
      if (!optional) min++;
    }
  }
  // the dump prints a converter's output type first, then its input type
  return m[3] ? { args, min, out: m[2] as SampleType, in: m[3] as SampleType } : { args, min, out: m[2] as SampleType };
}

const cache = new Map<string, Signature | undefined>();
function lookup(kind: 'fetches' | 'converters' | 'acls', name: string, version: Version): string | undefined {
  return signaturesFile()[kind][name]?.find(([, versions]) => versions.includes(version))?.[0];
}

export function fetchSignature(name: string, version: Version): Signature | undefined {
  const key = `f\0${name}\0${version}`;
  if (!cache.has(key)) {
    const text = lookup('fetches', name, version);
    cache.set(key, text ? parseSignature(text) : undefined);
  }
  return cache.get(key);
}

export function converterSignature(name: string, version: Version): Signature | undefined {
  const key = `c\0${name}\0${version}`;
  if (!cache.has(key)) {
    const text = lookup('converters', name, version);
    cache.set(key, text ? parseSignature(text) : undefined);
  }
  return cache.get(key);
}

/** the fetch an ACL keyword stands for (`hdr_beg` → `req.hdr`), when it is one */
export function aclKeywordFetch(name: string, version: Version): string | undefined {
  return lookup('acls', name, version);
}

/** whether the version's manual lists `%<alias>` among the log-format variables */
export function logFormatAliasKnown(alias: string, version: Version): boolean {
  return signaturesFile().logFormatAliases[alias]?.includes(version) ?? false;
}

export function logFormatAliasVersions(alias: string): string[] {
  return signaturesFile().logFormatAliases[alias] ?? [];
}

/** sample_casts[from][to] of HAProxy's sample.c (checked against haproxy 2.6 -c): whether a value of one type can feed a converter taking another */
const CASTS: Partial<Record<SampleType, SampleType[]>> = {
  bool: ['any', 'bool', 'sint', 'str', 'bin'],
  sint: ['any', 'bool', 'sint', 'addr', 'ipv4', 'ipv6', 'str', 'bin'],
  ipv4: ['any', 'sint', 'addr', 'ipv4', 'ipv6', 'str', 'bin'],
  ipv6: ['any', 'addr', 'ipv4', 'ipv6', 'str', 'bin'],
  str: ['any', 'bool', 'sint', 'addr', 'ipv4', 'ipv6', 'str', 'bin', 'meth'],
  bin: ['any', 'str', 'bin', 'meth'],
  meth: ['any', 'str', 'bin', 'meth'],
};

/** false only when HAProxy has no cast from `from` to `to` (undefined types and `any` are never judged) */
export function castable(from: SampleType, to: SampleType): boolean {
  const row = CASTS[from];
  return row === undefined || to === 'any' || row.includes(to);
}

// ─── parsing ────────────────────────────────────────────────────────────────────────────────────────

export interface SampleArgument {
  text: string;
  /** index in the parsed string */
  at: number;
}

export interface SampleCall {
  name: string;
  at: number;
  /** undefined when written without parentheses */
  args?: SampleArgument[];
  /** index of the opening parenthesis */
  open?: number;
  /** index just after the closing parenthesis, or after the name without arguments */
  end: number;
}

export interface SampleExpression {
  fetch: SampleCall;
  converters: SampleCall[];
  /** index where the expression stops */
  end: number;
}

export interface SampleSyntaxError {
  message: string;
  from: number;
  to: number;
}

/** is_idchar(): the characters of fetch and converter names */
const ID_CHAR = /[A-Za-z0-9._+-]/;

/**
 * Reads an expression from `text` at `from`. `stopAtAny`: in log-format (`%[…]`), the expression ends
 * at the first character that does not continue it (the caller wants a `]` there); elsewhere the whole
 * string must be the expression ("missing comma after …").
 */
export function parseSampleExpression(text: string, from: number, stopAtAny: boolean): { expr?: SampleExpression; error?: SampleSyntaxError } {
  const calls: SampleCall[] = [];
  let i = from;
  for (;;) {
    const at = i;
    while (i < text.length && ID_CHAR.test(text[i]!)) i++;
    const name = text.slice(at, i);
    if (name === '') {
      if (calls.length === 0) return { error: { message: 'missing fetch method', from: at, to: Math.max(at + 1, Math.min(text.length, at + 1)) } };
      return { error: { message: `missing converter after the comma following '${text.slice(from, at - 1)}'`, from: at - 1, to: at } };
    }
    const call: SampleCall = { name, at, end: i };
    if (text[i] === '(') {
      const open = i;
      const args: SampleArgument[] = [];
      let argAt = i + 1;
      i++;
      for (; i < text.length && text[i] !== ')'; i++) {
        if (text[i] === ',') {
          args.push({ text: text.slice(argAt, i), at: argAt });
          argAt = i + 1;
        }
      }
      if (i >= text.length) return { error: { message: `expected ')' to close the arguments of '${name}'`, from: open, to: text.length } };
      args.push({ text: text.slice(argAt, i), at: argAt });
      // `()` holds no argument
      call.args = args.length === 1 && args[0]!.text === '' ? [] : args;
      call.open = open;
      i++;
      call.end = i;
    }
    calls.push(call);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (i < text.length && !stopAtAny) {
      const after = calls.length === 1 ? 'fetch keyword' : `converter '${name}'`;
      return { error: { message: `missing comma after ${after} '${text.slice(at, i)}' (found '${text[i]}')`, from: i, to: i + 1 } };
    }
    break;
  }
  const [fetch, ...converters] = calls;
  return { expr: { fetch: fetch!, converters, end: i } };
}

/** Argument types HAProxy keeps as text (resolved later, if at all): an empty one is an empty string. */
const TEXT_TYPES = new Set(['string', 'table', 'backend', 'frontend', 'server', 'user list', 'regex']);
/** Converters whose first argument names a file to load: an empty one cannot be opened. */
const FILE_CONVERTERS = /^map(?:_|$)/;

/**
 * What make_arg_list() refuses in one call's arguments for a signature, or undefined. As in HAProxy,
 * no parentheses and `()` both stand for one empty argument when the first one is mandatory, which a
 * text argument accepts (`json`, `str()`), and a number or mask does not (`ipmask`).
 */
export function argumentProblem(call: SampleCall, sig: Signature, kind: 'fetch method' | 'converter' | 'ACL keyword'): SampleSyntaxError | undefined {
  const whole = { from: call.at, to: call.end };
  let given = call.args ?? [];
  if (sig.args.length === 0) {
    if (given.length > 0) return { message: `${kind} '${call.name}' takes no argument, but got '${given.map((a) => a.text).join(',')}'`, from: call.open!, to: call.end };
    return undefined;
  }
  if (given.length === 0 && sig.min > 0) given = [{ text: '', at: call.open === undefined ? call.end : call.open + 1 }];
  if (given.length > sig.args.length) {
    const extra = given[sig.args.length]!;
    return { message: `${kind} '${call.name}' takes at most ${sig.args.length} argument${sig.args.length > 1 ? 's' : ''} (${sig.args.join(', ')}), but got '${extra.text}' at position ${sig.args.length + 1}`, from: extra.at, to: call.end - 1 };
  }
  if (given.length < sig.min) {
    return { message: `${kind} '${call.name}' expects ${sig.min} arguments (${sig.args.slice(0, sig.min).join(', ')}), but got ${given.length}`, ...whole };
  }
  for (let pos = 0; pos < given.length; pos++) {
    const arg = given[pos]!;
    const type = sig.args[pos]!;
    if (arg.text === '') {
      if (pos >= sig.min) continue;
      if (TEXT_TYPES.has(type) && !(kind === 'converter' && pos === 0 && FILE_CONVERTERS.test(call.name))) continue;
      const what = TEXT_TYPES.has(type) ? 'a file name' : `${/^[aeiouAEIOU]/.test(type) ? 'an' : 'a'} ${type}`;
      return { message: `${kind} '${call.name}' expects ${what} at position ${pos + 1}, but got nothing`, ...whole };
    }
    if (!argumentParses(arg.text, type)) {
      return { message: `${kind} '${call.name}': '${arg.text}' is not a valid ${type} (argument ${pos + 1})`, from: arg.at, to: arg.at + arg.text.length };
    }
  }
  return undefined;
}

function argumentParses(text: string, type: string): boolean {
  switch (type) {
    case 'integer':
      return /^[+-]?\d+$/.test(text);
    case 'IPv4 mask':
      return /^\d+$/.test(text) ? Number(text) <= 32 : isIpv4(text);
    case 'IPv6 mask':
      return /^\d+$/.test(text) ? Number(text) <= 128 : /^[0-9A-Fa-f:.]+$/.test(text) && text.includes(':');
    case 'IPv4 address':
      return isIpv4(text);
    case 'Protocol buffers field number':
      return /^\d+(?:\.\d+)*$/.test(text);
    default:
      return true;
  }
}

function isIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

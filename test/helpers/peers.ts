/**
 * haproxy-lint measured on the other HAProxy linters' suites (`../shared/peers/<peer>/`): each case
 * config, the peer's expected diagnostics (`expectations.tsv`) and, for each one the baseline missed,
 * a verdict against `haproxy -c` 2.6.12 and the manuals (`misses_judged.tsv`). The matching follows
 * the folder's own `tools/table.py`: a peer diagnostic is caught when haproxy-lint reports, on the
 * same line, a finding of an equivalent rule (EQUIVALENT below); findings that land on last lines or
 * section headers by design (missing-final-newline, missing-timeouts) never count.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint, type Finding, type TargetVersion } from '../../src/index.js';

/** `$HAPROXY_LINT_PEERS`, else `../shared/peers` beside the repository */
export const PEERS_DIR = process.env.HAPROXY_LINT_PEERS ?? resolve(fileURLToPath(new URL('../../', import.meta.url)), '..', 'shared', 'peers');

export type PeerName = 'exymat' | 'gmm' | 'abulimov';
export const PEERS: readonly PeerName[] = ['exymat', 'gmm', 'abulimov'];

/** peer code → the haproxy-lint rules that report the same problem (tools/table.py `EQ`, plus the rules added since) */
const EQUIVALENT: Record<PeerName, Record<string, string[]>> = {
  exymat: {
    'unused-acl': ['unused-acl'],
    'no-bind-entry-point': ['frontend-without-bind'],
    'unused-section': ['unused-backend'],
    'unknown-keyword': ['unknown-keyword', 'keyword-wrong-section', 'removed-keyword', 'syntax-error'],
    'missing-reference': ['undefined-reference', 'undefined-acl'],
    'extra-argument': ['wrong-argument-count', 'syntax-error', 'invalid-bind-address', 'unexpected-argument'],
    'unknown-parameter': ['unknown-server-option', 'unknown-bind-option'],
    'unknown-value': ['wrong-argument-count', 'unknown-keyword', 'invalid-value', 'value-out-of-range', 'invalid-time', 'invalid-status-code'],
    'wrong-section': ['keyword-wrong-section', 'unknown-keyword'],
    'port-offset-not-permitted': ['invalid-bind-address', 'invalid-address', 'unknown-server-option'],
    'port-range-not-permitted': ['invalid-bind-address', 'invalid-address', 'unknown-server-option'],
    'invalid-address': ['invalid-bind-address', 'invalid-address', 'unknown-server-option', 'syntax-error'],
    'invalid-port': ['invalid-bind-address', 'invalid-address', 'unknown-server-option'],
    'missing-port': ['invalid-bind-address', 'invalid-address', 'unknown-server-option'],
    'unknown-action': ['unknown-keyword'],
    'unused-symbol': ['unused-section'],
    'sample-fetch-args': ['invalid-sample-expression', 'unknown-sample-fetch'],
    'sample-syntax': ['invalid-sample-expression', 'unknown-sample-fetch', 'syntax-error'],
    'sample-converter-args': ['invalid-sample-expression', 'unknown-sample-fetch'],
    'sample-missing-fetch': ['invalid-sample-expression', 'unknown-sample-fetch'],
    'sample-converter-cast': ['invalid-sample-expression', 'unknown-sample-fetch'],
    'sample-unknown-fetch': ['unknown-sample-fetch'],
    'sample-unknown-converter': ['unknown-sample-fetch'],
    'wrong-context': ['mode-mismatch', 'http-keyword-in-tcp-mode'],
    'unknown-option': ['unknown-keyword'],
    'invalid-name': ['invalid-name', 'syntax-error'],
    'deprecated-keyword': ['removed-keyword'],
    'deprecated-action': ['removed-keyword'],
    'deprecated-sample': ['deprecated-sample-fetch', 'removed-keyword', 'unknown-sample-fetch'],
    'unknown-criterion': ['unknown-sample-fetch'],
    'unused-defaults-profile': ['unused-section'],
    'missing-argument': ['wrong-argument-count', 'unknown-bind-option', 'unknown-server-option', 'syntax-error', 'missing-argument'],
    'named-defaults-required': ['keyword-wrong-section', 'defaults-rules-conflict'],
    'delimiter-unclosed': ['invalid-sample-expression', 'syntax-error', 'unknown-sample-fetch'],
    'reserved-name': ['server-without-name'],
  },
  gmm: {
    'unknown-directive': ['unknown-keyword', 'removed-keyword', 'keyword-wrong-section'],
    'unused-backend': ['unused-backend'],
    deprecated: ['removed-keyword'],
    'port-out-of-range': ['invalid-bind-address', 'invalid-address', 'unknown-server-option'],
    'timeout-no-unit': [],
    'undefined-backend': ['undefined-reference'],
    'timeout-invalid': ['wrong-argument-count', 'invalid-time'],
    'timeout-unit-space': ['wrong-argument-count'],
    'unknown-action': ['unknown-keyword'],
    'action-not-valid-here': ['unknown-keyword'],
    'wrong-section': ['keyword-wrong-section'],
    'http-only-in-tcp': ['mode-mismatch', 'http-keyword-in-tcp-mode'],
    'tcp-only-in-http': ['mode-mismatch'],
    'outside-section': ['syntax-error'],
  },
  abulimov: {
    'unknown-backend': ['undefined-reference'],
    'unused-backend': ['unused-backend'],
    'unknown-acl': ['undefined-acl'],
    'unused-acl': ['unused-acl'],
    precedence: ['rule-order'],
    duplicate: ['unreachable-rule'],
    deprecation: ['removed-keyword', 'unknown-keyword'],
    shadows: ['unreachable-rule'],
    unreachable: ['unreachable-rule'],
  },
};

/** Rules whose findings never count as a match (they land on last lines or section headers by design). */
const GENERIC = new Set(['missing-final-newline', 'missing-timeouts']);

/** Versions haproxy-lint does not target, mapped as the peers folder's tools/run_ours.py does. */
function targetFor(version: string): TargetVersion {
  if (['2.6', '2.8', '3.0', '3.2', '3.4'].includes(version)) return version as TargetVersion;
  return ({ '1.0': '2.6', '2.4': '2.6', '3.1': '3.2', '3.3': '3.4', '3.5': '3.4' } as Record<string, TargetVersion>)[version] ?? '3.2';
}

/**
 * How a verdict of misses_judged.tsv counts: `wrong` (the peer is wrong: haproxy-lint must stay
 * silent there), `unjudged` (opinion, design difference, unverifiable: left out of the rates) or `right`.
 */
export type VerdictKind = 'right' | 'wrong' | 'unjudged';
export function verdictKind(verdict: string): VerdictKind {
  if (/^(PEER WRONG|HEURISTIC)/.test(verdict)) return 'wrong';
  if (/^(design difference|opinion|unverifiable|unproven)/.test(verdict)) return 'unjudged';
  return 'right';
}

function readTsv(path: string): Array<Record<string, string>> {
  const [head, ...rows] = readFileSync(path, 'utf8').split('\n').filter((l) => l !== '');
  const names = head!.split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    return Object.fromEntries(names.map((n, i) => [n, cells[i] ?? '']));
  });
}

export interface PeerDiagnostic {
  case: string;
  line: number;
  code: string;
  severity: string;
  message: string;
  lineText: string;
  verdict: string;
  kind: VerdictKind;
  caught: boolean;
  /** our error/warning findings on the line from rules equivalent to the peer's code */
  contradicting: Finding[];
}

export interface PeerFigures {
  peer: PeerName;
  diagnostics: PeerDiagnostic[];
  right: number;
  caughtRight: number;
  /** caughtRight / right */
  rate: number;
  /** peer-wrong diagnostics where haproxy-lint reports an error/warning of an equivalent rule */
  contradicted: PeerDiagnostic[];
}

/** Lints every case of a peer's suite and compares with the peer's expectations. */
export function measurePeer(peer: PeerName): PeerFigures {
  const dir = join(PEERS_DIR, peer);
  const cases = readTsv(join(dir, 'cases.tsv'));
  const verdicts = new Map<string, string>();
  for (const row of readTsv(join(dir, 'misses_judged.tsv'))) verdicts.set(`${row.case}\0${row.line}\0${row.peer_code}`, row.verdict!);
  const byCase = new Map<string, Array<Record<string, string>>>();
  for (const row of readTsv(join(dir, 'expectations.tsv'))) {
    const list = byCase.get(row.case!) ?? [];
    list.push(row);
    byCase.set(row.case!, list);
  }
  const equivalents = (code: string) => EQUIVALENT[peer][code] ?? [];
  const diagnostics: PeerDiagnostic[] = [];
  for (const c of cases) {
    const expected = byCase.get(c.case!) ?? [];
    if (expected.length === 0) continue;
    const text = readFileSync(join(dir, `${c.case}.cfg`), 'utf8');
    const lines = text.split('\n');
    const findings = lint(text, { targetVersion: targetFor(c.version!) }).findings.filter((f) => !GENERIC.has(f.ruleId));
    for (const e of expected) {
      const line = Number(e.line);
      const same = findings.filter((f) => f.line === line);
      const eq = equivalents(e.code!);
      const verdict = verdicts.get(`${e.case}\0${e.line}\0${e.code}`) ?? 'caught at baseline';
      diagnostics.push({
        case: e.case!, line, code: e.code!, severity: e.severity!, message: e.message!, lineText: (lines[line - 1] ?? '').trim(),
        verdict, kind: verdictKind(verdict),
        caught: same.some((f) => eq.includes(f.ruleId)),
        contradicting: same.filter((f) => eq.includes(f.ruleId) && f.severity !== 'info'),
      });
    }
  }
  const right = diagnostics.filter((d) => d.kind === 'right');
  const caughtRight = right.filter((d) => d.caught).length;
  return {
    peer, diagnostics, right: right.length, caughtRight,
    rate: right.length === 0 ? 1 : caughtRight / right.length,
    contradicted: diagnostics.filter((d) => d.kind === 'wrong' && d.contradicting.length > 0),
  };
}

/** A per-code table of the right diagnostics still missed, biggest first (for `PEERS_REPORT=1`). */
export function formatMisses(figures: PeerFigures): string {
  const byCode = new Map<string, PeerDiagnostic[]>();
  for (const d of figures.diagnostics) {
    if (d.kind !== 'right' || d.caught) continue;
    byCode.set(d.code, [...(byCode.get(d.code) ?? []), d]);
  }
  const out: string[] = [];
  for (const [code, list] of [...byCode].sort((a, b) => b[1].length - a[1].length)) {
    out.push(`  ${code}: ${list.length}`);
    for (const d of list.slice(0, 40)) out.push(`    ${d.case}:${d.line}  ${d.lineText}`);
  }
  return out.join('\n');
}

export const peersPresent = (): boolean => PEERS.every((p) => existsSync(join(PEERS_DIR, p, 'expectations.tsv')));

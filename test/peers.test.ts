/**
 * haproxy-lint on the other HAProxy linters' own suites (`../shared/peers`, see test/helpers/peers.ts):
 * the share of their diagnostics judged right (against `haproxy -c` 2.6.12 and the manuals) that
 * haproxy-lint reports on the same line, per peer, as floors; and silence where the peer is judged wrong.
 * Skipped with a notice when the folder is absent (a clean clone). `PEERS_REPORT=1` prints the misses.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';
import { formatMisses, measurePeer, PEERS, PEERS_DIR, peersPresent, type PeerFigures, type PeerName } from './helpers/peers.js';

// ─── Catch-rate floors ──────────────────────────────────────────────────────────────────────────────
// right diagnostics reported on the same line by an equivalent rule; RAISE THEM as rules land.
// baseline (2026-11-25): exymat 447/699 = 63.9%, gmm 152/162 = 93.8%, abulimov 8/19 = 42.1%
// with frontend-without-bind: exymat 576/699; with invalid-address: exymat 586/699, gmm 154/162; with the sample-expression rules: exymat 627/699; with unused-section: 644/699; with invalid-name and frontend-without-bind on headers with an address: 668/699; with http-keyword-in-tcp-mode: exymat 672/699, gmm 156/162; with unreachable-rule: abulimov 19/19; with the value rules (invalid-value, missing-argument, unexpected-argument…): exymat 687/699, gmm 157/162
const FLOORS: Record<PeerName, number> = {
  exymat: 0.98,
  gmm: 0.96,
  abulimov: 1,
};
// ────────────────────────────────────────────────────────────────────────────────────────────────────

const present = peersPresent();
if (!present) console.warn(`\n⚠ ${PEERS_DIR} not found: the peers' suites are not measured\n`);

describe.skipIf(!present)("the peers' suites", () => {
  const figures = new Map<PeerName, PeerFigures>();
  const measured = (peer: PeerName): PeerFigures => {
    let f = figures.get(peer);
    if (!f) {
      f = measurePeer(peer);
      figures.set(peer, f);
      console.log(`peers: ${peer} ${f.caughtRight}/${f.right} right diagnostics caught (${(100 * f.rate).toFixed(1)}%)`);
      if (process.env.PEERS_REPORT) console.log(formatMisses(f));
    }
    return f;
  };

  for (const peer of PEERS) {
    it(`${peer}: catches at least ${FLOORS[peer] * 100}% of the diagnostics judged right`, () => {
      const f = measured(peer);
      expect(f.right).toBeGreaterThan(0);
      expect(f.rate).toBeGreaterThanOrEqual(FLOORS[peer]);
    });

    it(`${peer}: reports no error or warning where the peer is judged wrong`, () => {
      const f = measured(peer);
      expect(f.diagnostics.some((d) => d.kind === 'wrong') || peer === 'abulimov').toBe(true);
      expect(f.contradicted.map((d) => `${d.case}:${d.line} ${d.code} (${d.verdict.slice(0, 40)}): ${d.contradicting.map((c) => c.ruleId).join(', ')}`)).toEqual([]);
    });
  }
});

/** The peers' wrong calls, pinned on their own words (these need no peers folder). */
describe("the peers' wrong calls stay unreported", () => {
  const at = (text: string, line: number) => lint(text, { targetVersion: '2.6' }).findings.filter((f) => f.line === line && f.severity !== 'info');
  const front = (body: string) => `defaults\n    mode http\n    timeout client 1s\n    timeout server 1s\n    timeout connect 1s\nfrontend fe\n    bind :80\n${body}\n    default_backend be\nbackend be\n    server s1 127.0.0.1:8080\n`;

  it('built-in ACLs (TRUE, METH_POST) are not undefined', () => {
    expect(at(front('    http-request deny if TRUE\n    http-request deny if METH_POST'), 8)).toEqual([]);
    expect(at(front('    http-request deny if TRUE\n    http-request deny if METH_POST'), 9)).toEqual([]);
  });

  it('a single-label host (app:8080, a docker or k8s service name) is a valid address', () => {
    const text = front('    http-request set-header X-A b').replace('127.0.0.1:8080', 'app:8080');
    expect(lint(text, { targetVersion: '2.6' }).findings.filter((f) => f.line === 11 && f.severity !== 'info')).toEqual([]);
  });

  it('option httpclose is not deprecated', () => {
    expect(at(front('    option httpclose'), 8)).toEqual([]);
  });

  it('backend names are case-sensitive: use_backend Web does not reach backend web', () => {
    const text = 'frontend http\n    bind :80\n    use_backend Web\nbackend web\n    balance roundrobin\n';
    expect(lint(text).findings.filter((f) => f.line === 3).map((f) => f.ruleId)).toContain('undefined-reference');
  });
});

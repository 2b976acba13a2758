/**
 * The linter against `haproxy -c` (2.6.12): the oracle's classification, then — once the library API
 * exists (src/index.ts: lint, fix) — precision (no error finding on a config haproxy accepts), fixes that
 * keep configs loadable and are idempotent (both strict), and recall on syntax rejects and on injected
 * faults (floors, see the constants below).
 *
 * Runs over fixtures/corpus/ always, and over /work/shared/corpus (or $HAPROXY_LINT_CORPUS) when present.
 * Verdicts are cached in .tmp/oracle-cache.json by the text's sha256, so reruns skip haproxy.
 * The full report with every figure: `npm run compile && node scripts/oracle-report.mjs`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { classifyAlert, classifyAlerts, reclassified } from '../src/oracle/classify.js';
import { loadFixtureCorpus, loadSharedCorpus } from './oracle-kit/corpus.js';
import { checkConfigText } from '../src/oracle/haproxy-check.js';
import { asLintApi, memoizeLint, type LintApi } from './oracle-kit/lint-api.js';
import { MUTATION_KINDS, mutate } from './oracle-kit/mutations.js';
import { createOracleRunner } from './oracle-kit/oracle-pass.js';
import { parseHaproxyOutput } from '../src/oracle/parse-output.js';
import { classifyCorpus, countIsolatedVerdicts, countVerdicts, formatCounts, formatLintFigures, measureLinter, type CheckedEntry, type LintFigures } from './oracle-kit/report.js';
import { expandVtestMacros } from './oracle-kit/vtest-macros.js';
import { detectSandbox } from '../src/oracle/sandbox.js';
import { requirePrograms } from './helpers/programs.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const sharedCorpus = loadSharedCorpus();

// ─── Recall floors ──────────────────────────────────────────────────────────────────────────────────
// Set a little below what was measured (scripts/oracle-report.mjs), so a regression fails the suite;
// RAISE THEM as rules land. Shares in [0, 1]. Two sets, because a clean clone (CI) has only
// fixtures/corpus/, where the figures are over a handful of configs.
const RECALL_FLOORS = sharedCorpus.length > 0
  ? {
      // measured with all rules (target 2.6): syntax rejects 161/163 configs = 98.8% (lines 527/695, 527/552 = 95.5%
      // without the 143 cascade lines of refused section headers); injected faults 554/554; warnings DNS aside 34/34.
      // Alerts that only follow from a missing file (Lua names after a failed lua-load, "no such ACL" after the ACL
      // was refused for its map file) and keywords of modules this build lacks (WURFL, zlib) are not syntax rejects
      // (src/oracle/classify.ts); counted the old way: 161/177 configs = 91.0%, lines 527/595 = 88.6%.
      // After merging the values rules too: 162/163 configs = 99.4%, lines 545/552 = 98.7% (0 false errors of 277).
      // (before this round: 157/177 configs = 88.7%, lines 518/595 = 87.1%; before issue #11: 144/177, lines 432/595 = 72.6%, warnings 31/34)
      /** configs rejected by haproxy for syntax/keyword reasons where the linter errs on a line haproxy names */
      syntaxConfigs: 0.99,
      /** lines haproxy names in those configs (cascade lines after a refused section header aside) where the linter errs */
      syntaxLines: 0.98,
      /** haproxy `[WARNING]` lines (DNS-resolution warnings aside) where the linter has a finding */
      warnings: 0.97,
      /** injected faults (rejected by haproxy) where the linter errs on the broken line */
      mutations: 0.98,
    }
  : {
      // measured on fixtures/corpus only: syntax rejects 1/2; injected faults 8/8
      syntaxConfigs: 0.5,
      syntaxLines: 0,
      warnings: 0,
      mutations: 0.95,
    };
// ────────────────────────────────────────────────────────────────────────────────────────────────────

const programs = requirePrograms(['haproxy']);
const oracle = createOracleRunner({ hosts: 'loopback', cachePath: join(ROOT, '.tmp', 'oracle-cache.json'), concurrency: 2 });

/** the library API, when src/index.ts exists (it must import cleanly then) */
async function loadLintApi(): Promise<LintApi | undefined> {
  const entry = join(ROOT, 'src', 'index.ts');
  if (!existsSync(entry)) {
    const message = 'src/index.ts does not exist yet: the linter-vs-oracle measurements are skipped';
    if (process.env.CI === 'true') throw new Error(`${message} (CI=true, so this is a failure)`);
    console.warn(`\n⚠ ${message}\n`);
    return undefined;
  }
  const api = asLintApi(await import(/* @vite-ignore */ pathToFileURL(entry).href));
  if (typeof api === 'string') throw new Error(`src/index.ts: ${api}`);
  return memoizeLint(api);
}
const lintApi = await loadLintApi();

const fixtureCorpus = loadFixtureCorpus(ROOT);

/** what each fixture config must be classified as (HAProxy 2.6.12, names mapped to loopback) */
const FIXTURE_VERDICTS: Record<string, string> = {
  'fixtures/real/Aidaho12__haproxy_configs__haproxy.cfg': 'accepted',
  'fixtures/real/HariSekhon__HAProxy-configs__consul.cfg': 'accepted', // after mapping its names to loopback
  'fixtures/real/AirVantage__pointsman__haproxy.cfg': 'rejected-syntax',
  'fixtures/real/Exymat__haproxy-vscode__test_fixtures_golden_test-log-format-bracket-expr.cfg': 'rejected-missing-file',
  'fixtures/reg-tests/4be_1srv_health_checks-1.cfg': 'accepted',
  'fixtures/reg-tests/tcp-check_multiple_ports-1.cfg': 'accepted',
  'fixtures/reg-tests/default_rules-4.cfg': 'rejected-syntax', // a -conf-BAD reg-test
};

describe('oracle output parsing and classification (no haproxy needed)', () => {
  it('parses [ALERT]/[WARNING] lines with their file line (parsing and Parsing), and continuation lines', () => {
    const out = [
      '[NOTICE]   (1) : haproxy version is 2.6.12-1+deb12u4',
      "[ALERT]    (1) : config : parsing [/tmp/x/haproxy.cfg:6] : 'maxconn' expects an integer argument.",
      "[ALERT]    (1) : config : [/tmp/x/haproxy.cfg:48] : 'server be/s1' : could not resolve address 'db'.",
      '[ALERT]    (1) : config : parsing [/tmp/x/haproxy.cfg:9]: unmatched quote at position 24:',
      '  server s1 127.0.0.1:1 "foo',
      "[WARNING]  (1) : config : parsing [/tmp/x/haproxy.cfg:12] : a 'http-request' rule placed after a 'use_backend' rule will still be processed before.",
      "[ALERT]    (1) : config : Parsing [/tmp/x/haproxy.cfg:21]: frontend 'www' has the same name as backend 'www' declared at /tmp/x/haproxy.cfg:14.",
      '[ALERT]    (1) : config : Fatal errors found in configuration.',
    ].join('\n');
    const { alerts, warnings } = parseHaproxyOutput(out);
    expect(alerts.map((a) => a.line)).toEqual([6, 48, 9, 21, undefined]);
    expect(alerts[3]?.message).toMatch(/^frontend 'www' has the same name/);
    expect(alerts[2]?.message).toContain('server s1 127.0.0.1:1 "foo');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.line).toBe(12);
    expect(alerts.map(classifyAlert)).toEqual(['syntax', 'dns', 'syntax', 'syntax', 'summary']);
  });

  it('calls a nameless server a syntax error, not a DNS failure', () => {
    expect(classifyAlert({ line: 28, message: "'server django/192.168.0.11:8000' : could not resolve address 'check'." })).toBe('syntax');
    expect(classifyAlert({ line: 28, message: "'server django/app1' : could not resolve address 'db.internal'." })).toBe('dns');
  });

  it('gives an alert that only follows from an earlier one that one\'s kind (Lua names after a failed lua-load, refused ACLs)', () => {
    const alerts = classifyAlerts([
      { line: 3, message: "error in Lua file '/etc/haproxy/cors.lua': cannot open /etc/haproxy/cors.lua: No such file or directory" },
      { line: 25, message: "'http-request' expects 'wait-for-handshake', 'use-service', but got 'lua.cors'." },
      { line: 38, message: "error detected while parsing ACL 'secure_redirect' : ACL keyword 'base' : invalid args in converter 'map_reg' : failed to open pattern file <a.map>.." },
      { line: 39, message: "error detected in frontend 'public' while parsing redirect rule : error in condition: no such ACL : 'secure_redirect'." },
      { line: 40, message: "error detected while parsing ACL 'bad' : unknown fetch method 'nope'." },
      { line: 41, message: "error detected while parsing switching rule : no such ACL : 'bad'." },
      { line: 42, message: "error detected while parsing switching rule : no such ACL : 'never_declared'." },
    ]);
    expect(alerts.map((a) => a.kind)).toEqual(['missing-file', 'missing-file', 'missing-file', 'missing-file', 'syntax', 'syntax', 'syntax']);
    // without a failed lua-load, an unknown Lua name is the config's own fault
    expect(classifyAlerts([{ line: 5, message: "'lua.cors' unknown service name." }])[0]?.kind).toBe('syntax');
    // a cached result is classified again by the current rules
    const cached = { verdict: 'rejected-syntax' as const, exitCode: 1, warnings: [], alerts: alerts.slice(0, 4).map((a) => ({ ...a, kind: 'syntax' as const })) };
    expect(reclassified(cached).verdict).toBe('rejected-missing-file');
  });

  it('calls keywords of modules this build lacks an environment problem', () => {
    expect(classifyAlert({ line: 10, message: "unknown keyword 'wurfl-data-file' in 'global' section" })).toBe('environment');
    expect(classifyAlert({ line: 28, message: "unknown keyword 'tune.zlib.memlevel' in 'global' section; did you mean 'tune.comp.maxlevel' maybe ?" })).toBe('environment');
  });

  it('expands VTest macros to loopback values, deterministically', () => {
    const text = 'frontend fe\n    bind "fd@${fe1}"\n    server s1 ${s1_addr}:${s1_port}\n    server s2 "${VTC_SOCK_TYPE}+${h1_ssl_sock}" crt ${testdir}/c.pem\n';
    const out = expandVtestMacros(text);
    expect(out).not.toContain('${');
    expect(out).toContain('bind "127.0.0.1:20000"');
    expect(out).toMatch(/server s1 127\.0\.0\.1:\d+\n/);
    expect(out).toMatch(/server s2 "stream\+127\.0\.0\.1:\d+"/);
    expect(expandVtestMacros(text)).toBe(out);
  });
});

describe.skipIf(!programs.ok)('haproxy -c as an oracle', () => {
  it('accepts the story question config and rejects the online answer (nameless servers)', async () => {
    const question = await checkConfigText(readFileSync(join(ROOT, 'fixtures/seed/question.cfg'), 'utf8'));
    expect(question.verdict).toBe('accepted');
    const answer = await checkConfigText(readFileSync(join(ROOT, 'fixtures/seed/answer.cfg'), 'utf8'));
    expect(answer.verdict).toBe('rejected-syntax');
    expect(answer.alerts.filter((a) => a.kind === 'syntax').map((a) => a.line)).toEqual([28, 29]);
  });

  it('treats exit 2 (no listener) as accepted, and keeps warnings with their line', async () => {
    const r = await checkConfigText('defaults\n    mode http\n    timeout client 1s\n    timeout server 1s\n    timeout connect 1s\nbackend b\n    option httplog\n    server s1 127.0.0.1:8080\n');
    expect(r.exitCode).toBe(2);
    expect(r.verdict).toBe('accepted');
    expect(r.warnings.some((w) => w.line === 7)).toBe(true);
  });

  it('maps unresolvable names to loopback only on request', async () => {
    const text = 'defaults\n    mode http\n    timeout client 1s\n    timeout server 1s\n    timeout connect 1s\nbackend b\n    server s1 app.internal.example:8080\n';
    expect((await checkConfigText(text)).verdict).toBe('rejected-dns');
    const r = await checkConfigText(text, { hosts: 'loopback' });
    if (detectSandbox().hostsFile) {
      expect(r.verdict).toBe('accepted');
      expect(r.loopbackHosts).toEqual(['app.internal.example']);
      expect(r.isolatedVerdict).toBe('rejected-dns');
    } else {
      // without the privileges for a private mount namespace the retry cannot happen: the isolated verdict stands
      expect(r.verdict).toBe('rejected-dns');
      expect(r.loopbackHosts).toBeUndefined();
    }
  });

  it('each injected fault breaks the story config where the mutation says, as haproxy sees it', async () => {
    const question = readFileSync(join(ROOT, 'fixtures/seed/question.cfg'), 'utf8');
    for (const kind of MUTATION_KINDS) {
      const mutant = mutate(question, kind);
      expect(mutant, kind).toBeDefined();
      const r = await oracle.check(mutant!.text);
      expect(r.verdict, `${kind}: ${JSON.stringify(r.alerts)}`).toBe('rejected-syntax');
      expect(r.alerts.filter((a) => a.kind === 'syntax').map((a) => a.line), kind).toContain(mutant!.line);
    }
  });

  describe('over the corpora', () => {
    let checked: CheckedEntry[] = [];
    let figures: LintFigures | undefined;

    beforeAll(async () => {
      const t0 = Date.now();
      checked = await classifyCorpus([...fixtureCorpus, ...sharedCorpus], oracle);
      oracle.save();
      console.log(`oracle: ${checked.length} configs classified in ${Date.now() - t0} ms (${oracle.runs} haproxy runs, the rest cached)`);
      for (const set of ['fixtures', 'real', 'reg-tests'] as const) {
        const items = checked.filter((c) => c.set === set);
        if (items.length === 0) continue;
        console.log(formatCounts(`${set} (isolated)`, countIsolatedVerdicts(items)));
        console.log(formatCounts(`${set} (names → loopback)`, countVerdicts(items)));
      }
      if (lintApi) {
        const t1 = Date.now();
        figures = await measureLinter(lintApi, oracle, checked);
        oracle.save();
        console.log(`linter vs oracle (${Date.now() - t1} ms):\n${formatLintFigures(figures)}`);
      }
    }, 280_000);

    it('classifies the fixture corpus as expected', () => {
      const got = Object.fromEntries(checked.filter((c) => c.set === 'fixtures').map((c) => [c.name, c.result.verdict]));
      expect(got).toEqual(FIXTURE_VERDICTS);
    });

    it.skipIf(sharedCorpus.length === 0)('gives every shared corpus config a verdict, with no timeouts', () => {
      const shared = checked.filter((c) => c.set !== 'fixtures');
      expect(shared).toHaveLength(sharedCorpus.length);
      expect(shared.filter((c) => c.result.verdict === 'timeout').map((c) => c.name)).toEqual([]);
      expect(countVerdicts(shared).byVerdict.accepted).toBeGreaterThan(0);
    });

    describe.skipIf(!lintApi)('the linter against the oracle', () => {
      it('precision: no error finding on any config haproxy accepts', () => {
        expect(figures?.precision.crashes).toEqual([]);
        expect(figures?.precision.offenders.map((o) => `${o.name}: ${o.errors.map((e) => `${e.line}:${e.ruleId}`).join(', ')}`)).toEqual([]);
      });

      it('fixes keep every accepted config loadable, and a second fix changes nothing', () => {
        expect(figures?.fixes.crashes).toEqual([]);
        expect(figures?.fixes.broken).toEqual([]);
        expect(figures?.fixes.unstable).toEqual([]);
      });

      it(`recall on syntax rejects is at least ${RECALL_FLOORS.syntaxConfigs}`, () => {
        const r = figures!.recall;
        expect(r.configs === 0 ? 1 : r.hitConfigs / r.configs).toBeGreaterThanOrEqual(RECALL_FLOORS.syntaxConfigs);
      });

      it(`recall on the lines of syntax rejects (cascade lines aside) is at least ${RECALL_FLOORS.syntaxLines}`, () => {
        const r = figures!.recall;
        const lines = r.lines - r.cascadeLines;
        expect(lines === 0 ? 1 : r.hitLines / lines).toBeGreaterThanOrEqual(RECALL_FLOORS.syntaxLines);
      });

      it(`haproxy warnings (DNS resolution aside) with a finding on their line are at least ${RECALL_FLOORS.warnings}`, () => {
        const w = figures!.warnings;
        const warnings = w.warnings - w.dns;
        expect(warnings === 0 ? 1 : (w.covered - w.dnsCovered) / warnings).toBeGreaterThanOrEqual(RECALL_FLOORS.warnings);
      });

      it(`recall on injected faults is at least ${RECALL_FLOORS.mutations}`, () => {
        const m = figures!.mutations;
        expect(m.rejected).toBeGreaterThan(0);
        expect(m.hit / m.rejected).toBeGreaterThanOrEqual(RECALL_FLOORS.mutations);
      });
    });
  });
});

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR, REMOVED_SOURCE, defaultDocDir, generateGrammar } from '../src/grammar/generate.js';
import {
  aclKeywords,
  bindOptions,
  converters,
  familyMembers,
  isKeywordAllowed,
  isNamedDefaultsOnly,
  isNoable,
  isSectionKind,
  keywordInfo,
  proxySectionsFor,
  removedKeyword,
  sampleFetches,
  sectionKeywords,
  sectionKinds,
  serverOptions,
  suggest,
  VERSIONS,
} from '../src/grammar/index.js';

const docDir = defaultDocDir();
const haveDocs = existsSync(docDir);
if (!haveDocs) console.warn(`[grammar.test] ${docDir} not found: skipping generator-vs-committed comparison`);

describe('generated grammar/data matches a fresh run of the generator', () => {
  it.skipIf(!haveDocs)('regenerating from the manuals gives the committed files', () => {
    const files = generateGrammar(docDir, readFileSync(REMOVED_SOURCE, 'utf8'));
    const committed = readdirSync(DATA_DIR).filter((f) => f.endsWith('.json')).sort();
    expect(Object.keys(files).sort()).toEqual(committed);
    for (const [name, content] of Object.entries(files)) {
      // compare per file so a failure names the stale file; run `npm run grammar` to refresh
      expect(content, `grammar/data/${name} is stale`).toBe(readFileSync(join(DATA_DIR, name), 'utf8'));
    }
  });
});

describe('sections', () => {
  it('has the five proxy-ish kinds and global in every version', () => {
    for (const v of VERSIONS) {
      for (const k of ['global', 'defaults', 'frontend', 'listen', 'backend', 'userlist', 'peers', 'resolvers']) {
        expect(isSectionKind(k, v), `${k} in ${v}`).toBe(true);
      }
    }
  });
  it('crt-store first appears in 3.0, acme and log-profile and traces in 3.2, healthcheck in 3.4', () => {
    expect(keywordInfo('crt-store', 'section')?.firstVersion).toBe('3.0');
    expect(keywordInfo('acme', 'section')?.firstVersion).toBe('3.2');
    expect(keywordInfo('log-profile', 'section')?.firstVersion).toBe('3.2');
    expect(keywordInfo('traces', 'section')?.firstVersion).toBe('3.2');
    expect(keywordInfo('healthcheck', 'section')?.firstVersion).toBe('3.4');
    expect(sectionKinds('2.8')).not.toContain('crt-store');
  });
  it('program section exists up to 3.2 and is gone from 3.4 (removed in 3.3)', () => {
    expect(isSectionKind('program', '3.2')).toBe(true);
    expect(isSectionKind('program', '3.4')).toBe(false);
    expect(keywordInfo('program', 'section')?.lastVersion).toBe('3.2');
    expect(removedKeyword('program')).toMatchObject({ since: '3.3', context: 'section' });
  });
  it('lists keywords of the small sections', () => {
    expect(sectionKeywords('userlist', '2.6')).toEqual(['group', 'user']);
    expect(sectionKeywords('mailers', '3.4')).toEqual(['mailer', 'timeout mail']);
    expect(sectionKeywords('cache', '3.4')).toContain('total-max-size');
    expect(sectionKeywords('crt-store', '3.0')).toEqual(expect.arrayContaining(['crt-base', 'key-base', 'load']));
    expect(familyMembers('crt-store load', '3.4')).toEqual(expect.arrayContaining(['crt', 'key', 'ocsp-update']));
    expect(sectionKeywords('healthcheck', '3.4')).toContain('http-check send');
    expect(sectionKeywords('acme', '3.2')).toContain('account-key');
  });
});

describe('proxy keyword matrix', () => {
  it('bind is frontend/listen only; server is backend/listen only', () => {
    for (const v of VERSIONS) {
      expect(proxySectionsFor('bind', v)).toEqual(['frontend', 'listen']);
      expect(proxySectionsFor('server', v)).toEqual(['listen', 'backend']);
    }
  });
  it('option httpchk is not allowed in a frontend', () => {
    expect(isKeywordAllowed('frontend', 'option httpchk', '3.4')).toBe(false);
    expect(isKeywordAllowed('backend', 'option httpchk', '3.4')).toBe(true);
    expect(isKeywordAllowed('defaults', 'option httpchk', '2.6')).toBe(true);
  });
  it('timeout client-hs is absent in 2.6 and present in 3.2', () => {
    expect(isKeywordAllowed('frontend', 'timeout client-hs', '2.6')).toBe(false);
    expect(isKeywordAllowed('frontend', 'timeout client-hs', '3.2')).toBe(true);
    expect(familyMembers('timeout', '2.6')).not.toContain('client-hs');
    expect(familyMembers('timeout', '3.2')).toContain('client-hs');
  });
  it('knows the (*) and (!) markers', () => {
    expect(isNoable('option dontlognull', '2.6')).toBe(true);
    expect(isNoable('option httplog', '2.6')).toBe(false);
    expect(isNamedDefaultsOnly('http-request', '3.4')).toBe(true);
    expect(isNamedDefaultsOnly('timeout client', '3.4')).toBe(false);
    expect(isNamedDefaultsOnly('quic-initial', '3.4')).toBe(true);
  });
  it('tracks placement changes: option tcplog left the backend column after 2.6', () => {
    expect(isKeywordAllowed('backend', 'option tcplog', '2.6')).toBe(true);
    expect(isKeywordAllowed('backend', 'option tcplog', '3.5')).toBe(false);
  });
  it('keeps documented keywords the 3.x matrix hides (May be used in sections)', () => {
    expect(isKeywordAllowed('frontend', 'option accept-invalid-http-request', '3.4')).toBe(true);
    expect(keywordInfo('option accept-invalid-http-request')?.deprecated).toContain('3.4');
  });
  it('accepts family heads used alone and multi-word global keywords', () => {
    expect(isKeywordAllowed('global', 'stats', '2.6')).toBe(true);
    expect(isKeywordAllowed('global', 'stats socket', '3.4')).toBe(true);
    expect(isKeywordAllowed('global', 'maxconn', '3.4')).toBe(true);
    expect(isKeywordAllowed('global', 'bind', '3.4')).toBe(false);
  });
});

describe('families', () => {
  it('has option/timeout/stats/capture/http-check members', () => {
    expect(familyMembers('option', '2.6')).toEqual(expect.arrayContaining(['httpchk', 'forwardfor', 'redispatch']));
    expect(familyMembers('option', '3.4')).toContain('forwarded');
    expect(familyMembers('option', '2.6')).not.toContain('forwarded');
    expect(familyMembers('capture', '3.4')).toEqual(['cookie', 'request header', 'response header']);
    expect(familyMembers('http-check', '2.6')).toEqual(expect.arrayContaining(['send', 'expect', 'connect']));
    expect(familyMembers('tcp-request', '3.4')).toEqual(['connection', 'content', 'inspect-delay', 'session']);
    expect(familyMembers('stats', '3.4')).toContain('show-version');
    expect(familyMembers('email-alert', '3.4')).toContain('mailers');
  });
  it('has rule-set actions from §4.2 (2.6) and the §4.3 actions matrix (3.x)', () => {
    expect(familyMembers('http-request', '2.6')).toEqual(expect.arrayContaining(['set-header', 'deny', 'track-sc0', 'set-var']));
    expect(familyMembers('http-request', '3.4')).toContain('set-retries');
    expect(familyMembers('http-after-response', '3.4')).toContain('set-status');
    expect(familyMembers('tcp-request connection', '2.6')).toEqual(expect.arrayContaining(['accept', 'expect-proxy']));
    expect(familyMembers('tcp-response content', '3.4')).toContain('close');
    expect(familyMembers('quic-initial', '3.2').length).toBeGreaterThan(0);
    expect(familyMembers('quic-initial', '3.0')).toEqual([]);
  });
});

describe('bind and server options', () => {
  it('guid server option appears in 3.0', () => {
    expect(serverOptions('2.8').has('guid')).toBe(false);
    expect(serverOptions('3.0').get('guid')).toBe(true);
  });
  it('knows which options take an argument', () => {
    const b = bindOptions('2.6');
    expect(b.get('crt')).toBe(true);
    expect(b.get('ssl')).toBe(false);
    expect(b.get('expose-fd')).toBe(true);
    const s = serverOptions('2.6');
    expect(s.get('check')).toBe(false);
    expect(s.get('inter')).toBe(true);
    expect(s.get('weight')).toBe(true);
    expect(bindOptions('3.4').has('ktls')).toBe(true);
    expect(bindOptions('3.2').has('ktls')).toBe(false);
  });
});

describe('samples', () => {
  it('knows fetches, converters and ACL keywords', () => {
    expect(sampleFetches('2.6')).toEqual(expect.arrayContaining(['src', 'req.hdr', 'path', 'ssl_fc_sni', 'fc_src_port']));
    expect(converters('2.6')).toEqual(expect.arrayContaining(['lower', 'map_str', 'map_ip_int', 'json']));
    expect(aclKeywords('2.6')).toEqual(expect.arrayContaining(['hdr_beg', 'path_end', 'TRUE', 'HTTP']));
  });
});

describe('keyword info, removed keywords, suggestions', () => {
  it('returns versions and the manual text', () => {
    const info = keywordInfo('option httpchk');
    expect(info?.namespace).toBe('proxy');
    expect(info?.firstVersion).toBe('2.6');
    expect(info?.sections).toEqual(['defaults', 'listen', 'backend']);
    expect(info?.doc?.text.startsWith('option httpchk')).toBe(true);
    expect(keywordInfo('http-request set-header')?.doc?.text).toMatch(/set-header/);
    expect(keywordInfo('check', 'server')?.doc?.text).toMatch(/^check/);
    expect(keywordInfo('hdr_beg', 'acl')?.doc?.text).toMatch(/hdr/); // shared text resolved via sameAs
  });
  it('contimeout is removed since 2.1, replaced by timeout connect', () => {
    expect(removedKeyword('contimeout')).toMatchObject({ status: 'removed', since: '2.1', replacement: 'timeout connect' });
    expect(keywordInfo('contimeout')?.removed?.replacement).toBe('timeout connect');
  });
  it('suggests close keywords', () => {
    expect(suggest('tiemout', ['timeout', 'option', 'bind'])).toEqual(['timeout']);
    expect(suggest('optoin httpchk', sectionKeywords('backend', '3.4'))).toContain('option httpchk');
    expect(suggest('xyz', ['timeout'])).toEqual([]);
  });
  it('answers repeated lookups from cache', () => {
    for (let i = 0; i < 10_000; i++) isKeywordAllowed('frontend', 'bind', '3.4');
    expect(isKeywordAllowed('frontend', 'bind', '3.4')).toBe(true);
  });
});

/**
 * Cross-check with `haproxy -dKall` of the 2.6.12 binary (grammar/data/crosscheck-2.6.json).
 * These are the only registered keywords the 2.6.12 manual does not document
 * (our parser reads everything else); each was checked by hand:
 *  - acl cook_*, scook_*, shdr_*, req_rdp_cookie*: old ACL names, the manual lists req.cook_* etc.
 *  - ot-group: OpenTracing addon action, documented in addons/ot/README, not configuration.txt
 *  - tcp-response content sc-set-gpt0: manual typo "tcp-resposne content sc-set-gpt0"
 *  - map_beg_ip: the map table in the manual says "map_end_ip" on the beg row
 *  - fcgi.docroot, fcgi.index, nbproc, sc1_clr_gpc: registered fetches without documentation
 *  - tune.vars.check-max-size, server no-check-send-proxy: undocumented
 *  - server usesrc: documented inside "source", not as its own entry
 *  - clitimeout/contimeout/srvtimeout: registered only to report their removal (see removed.json)
 */
describe('2.6.12 binary dump cross-check', () => {
  it('only has the known, hand-checked gaps', () => {
    const report = JSON.parse(readFileSync(join(DATA_DIR, 'crosscheck-2.6.json'), 'utf8')) as {
      missing: Record<string, string[]>;
      argMismatch: Record<string, string[]>;
    };
    expect(report.argMismatch).toEqual({});
    const { acl, ...rest } = report.missing;
    expect(acl?.every((a) => /^(cook|scook|shdr)_|^req_rdp_cookie/.test(a))).toBe(true);
    expect(rest).toEqual({
      'action:http-after-response': ['ot-group'],
      'action:http-request': ['ot-group'],
      'action:http-response': ['ot-group'],
      'action:tcp-request content': ['ot-group'],
      'action:tcp-response content': ['ot-group', 'sc-set-gpt0'],
      converter: ['map_beg_ip'],
      fetch: ['fcgi.docroot', 'fcgi.index', 'nbproc', 'sc1_clr_gpc'],
      global: ['tune.vars.check-max-size'],
      proxy: ['clitimeout', 'contimeout', 'srvtimeout'],
      server: ['no-check-send-proxy', 'usesrc'],
    });
    for (const k of ['clitimeout', 'contimeout', 'srvtimeout']) expect(removedKeyword(k)).toBeDefined();
  });
});

describe('syntax diagrams', () => {
  it('grammar/syntax-diagrams.html matches the chevrotain grammar (npm run grammar regenerates it)', async () => {
    const { syntaxDiagramsHtml } = await import('../src/grammar/syntax-diagrams.js');
    const { readFileSync } = await import('node:fs');
    const committed = readFileSync(new URL('../grammar/syntax-diagrams.html', import.meta.url), 'utf8');
    expect(committed).toBe(syntaxDiagramsHtml());
    expect(committed).toContain('Content');
  });
});

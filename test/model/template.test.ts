/**
 * Templated configurations: tags are opaque, control lines transparent, real findings kept.
 * Measured on ../shared/corpus/templated/ when present.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSet, fixSet, lint, lintSet } from '../../src/index.js';
import { isTemplate, maskTemplate } from '../../src/model/template.js';

const JINJA = `global
    log stdout format raw local0

defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s

frontend www
    bind {{ bind_address }}:80
{% for route in routes %}
    use_backend {{ route.backend }} if { path_beg {{ route.prefix }} }
{% endfor %}
    default_backend app

backend app
{% if tls %}
    server app1 127.0.0.1:8443 ssl verify none
{% else %}
    server app1 127.0.0.1:8000
{% endif %}
    timeout clinet 5s
`;

describe('templates', () => {
  it('are recognised by name and by tags', () => {
    expect(isTemplate('haproxy.cfg.j2', 'global\n')).toBe(true);
    expect(isTemplate('haproxy.cfg', 'global\n')).toBe(false);
    expect(isTemplate('haproxy.cfg', 'backend {{ name }}\n')).toBe(true);
    expect(isTemplate('haproxy.cfg', 'log-format "%{+Q}r"\n')).toBe(false);
  });

  it('mask keeps offsets and line breaks', () => {
    const masked = maskTemplate(JINJA);
    expect(masked.text.length).toBe(JINJA.length);
    expect(masked.text.split('\n').length).toBe(JINJA.split('\n').length);
    expect(masked.tags.length).toBe(8);
  });

  it('control lines are transparent, tags opaque, real findings kept', () => {
    const findings = lint(JINJA, { targetVersion: '2.6' }).findings;
    // the misspelled keyword is the only finding: no "unknown keyword '{%'", no undefined backend
    expect(findings.map((f) => [f.line, f.ruleId])).toEqual([[23, 'unknown-keyword']]);
    // the same text linted as plain HAProxy configuration is full of template noise
    const plain = lintSet(configSet([{ path: 'x.cfg', text: JINJA, template: false }]), { targetVersion: '2.6' }).findings;
    expect(plain.filter((f) => /\{%|\{\{/.test(f.message)).length).toBeGreaterThan(3);
  });

  it('no fix edits a tag; fixes elsewhere apply to the text as written', () => {
    const text = 'frontend www\n    bind :80\n    default_backend {{ be }}\n    timeout client 5s';
    const result = fixSet(configSet([{ path: 'x.cfg.j2', text }]), { targetVersion: '2.6' });
    expect(result.files[0]!.output).toBe(`${text}\n`);
  });

  it('a control tag glued to the end of a word renders nothing there: `}{{ end }}` still closes the anonymous ACL', () => {
    const text = 'frontend www\n    bind :80\n    use_backend app {{ if .X }} if { path_beg /a }{{ end }}\n    default_backend app\n\nbackend app\n    server s 127.0.0.1:80\n';
    expect(maskTemplate(text).text).toMatch(/if \{ path_beg \/a \} +\n/);
    expect(lint(text, { targetVersion: '2.6' }).findings.map((f) => f.ruleId)).not.toContain('invalid-sample-expression');
  });

  it('Go templates: `{{-` joins the next words to the line before (whitespace control)', () => {
    const text = 'frontend www\n    bind :80\n        {{- if .Proxy }} accept-proxy{{ end }}\n    default_backend app\n\nbackend app\n    server s 127.0.0.1:80\n';
    expect(lint(text, { targetVersion: '2.6' }).findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId)).not.toContain('unknown-keyword');
  });
});

const CORPUS = '../shared/corpus/templated';

describe.skipIf(!existsSync(CORPUS))('the templated corpus', () => {
  if (!existsSync(CORPUS)) console.warn(`notice: ${CORPUS} is absent; template noise is not measured`);
  it('has no finding about template syntax (3347 findings on tag lines before, measured when this was written)', () => {
    let tagNoise = 0;
    for (const name of readdirSync(CORPUS)) {
      const text = readFileSync(join(CORPUS, name), 'utf8');
      const findings = lint(text, { targetVersion: '2.6' }).findings;
      // a tag read as HAProxy syntax: "unknown keyword '{%'", "out of section", a masked word in a message
      tagNoise += findings.filter((f) => /'[{<]|'\$\{_|\$\{_+\}|out of section/.test(f.message)).length;
      const { tags } = maskTemplate(text);
      expect(findings.filter((f) => tags.some((t) => f.start < t.end && t.start < f.end))).toEqual([]);
    }
    expect(tagNoise).toBe(0);
  });

  it('keeps the real findings of a template (docker-easy-haproxy: 73 errors before, its 2 real findings after)', () => {
    const text = readFileSync(join(CORPUS, 'byjg__docker-easy-haproxy__src_templates_haproxy.cfg.j2.cfg'), 'utf8');
    const findings = lint(text, { targetVersion: '2.6' }).findings;
    expect(findings.map((f) => f.ruleId)).toEqual(['spoofable-forwarding-header', 'unused-backend']);
  });
});

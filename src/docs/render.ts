import type { Rule } from '../engine/types.js';
import { onByDefault, securityLevel, securitySeverityOf } from '../engine/rule-settings.js';

const FIXABLE_TEXT: Record<Rule['fixable'], string> = {
  safe: 'yes: `--fix` applies it (safe)',
  unsafe: 'with `--unsafe-fixes` (the fix may change behaviour: review it)',
  'display-only': 'no: a suggested fix is shown but never applied',
  none: 'no',
};

function codeBlock(text: string): string {
  return ['```haproxy', text.replace(/\n+$/, ''), '```'].join('\n');
}

function optionsTable(rule: Rule): string[] {
  const options = Object.entries(rule.options ?? {});
  if (options.length === 0) return ['This rule has no options.'];
  const escape = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const rows = options.map(([name, spec]) => {
    const type = spec.enum ? spec.enum.map((v) => `\`"${v}"\``).join(' \\| ') : `\`${spec.type}\``;
    const fallback = spec.default === undefined ? '' : `\`${JSON.stringify(spec.default)}\``;
    return `| \`${name}\` | ${type} | ${fallback} | ${escape(spec.description)} |`;
  });
  return [
    '| option | type | default | description |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    'Set options in `.haproxy-lint.json`:',
    '',
    '```json',
    JSON.stringify({ rules: { [rule.id]: [rule.severity, Object.fromEntries(options.map(([name, spec]) => [name, spec.default ?? (spec.type === 'string[]' ? [] : spec.type === 'number' ? 0 : spec.type === 'boolean' ? false : '')]))] } }, null, 2),
    '```',
  ];
}

/** For opt-in rules, how to turn them on; for security rules, the security severity SARIF carries. */
function enablementNotes(rule: Rule): string[] {
  const notes: string[] = [];
  if (!onByDefault(rule)) {
    notes.push(`**Opt-in**: not run by default. Turn it on with \`--select ${rule.id}\` or \`--select ${rule.group}\` (the whole group), or give it a severity in \`.haproxy-lint.json\` (\`"${rule.id}": "${rule.severity}"\`).`, '');
  }
  const score = securitySeverityOf(rule);
  if (score !== undefined) {
    notes.push(`Security severity: ${score.toFixed(1)} (${securityLevel(score)}), reported as \`security-severity\` in SARIF output so GitHub code scanning ranks the alert.`, '');
  }
  return notes;
}

/** The Markdown page of one rule (docs/rules/<id>.md), also what `haproxy-lint explain <id>` prints. */
export function renderRuleDoc(rule: Rule): string {
  const lines = [
    `# ${rule.id}`,
    '',
    rule.description,
    '',
    `| severity | group | fixable |`,
    `| --- | --- | --- |`,
    `| ${rule.severity} | ${rule.group} | ${FIXABLE_TEXT[rule.fixable]} |`,
    '',
    ...enablementNotes(rule),
    '## What it does',
    '',
    rule.docs.what,
    '',
    '## Why',
    '',
    rule.docs.why,
    '',
    '## Example',
    '',
    'Reported:',
    '',
    codeBlock(rule.docs.bad),
    '',
    'Fixed:',
    '',
    codeBlock(rule.docs.good),
    '',
    '## Fix safety',
    '',
    rule.docs.fixSafety ?? (rule.fixable === 'none' ? 'No automatic fix.' : `Fixable: ${FIXABLE_TEXT[rule.fixable]}.`),
    '',
    '## Options',
    '',
    ...optionsTable(rule),
    '',
    '## Configuration',
    '',
    'Change the severity or turn the rule off in `.haproxy-lint.json` (`"off"`, `"info"`, `"warning"`, `"error"`),',
    `or for one run with \`--rule ${rule.id}=off\`; silence one line with`,
    `\`# haproxy-lint-disable-next-line ${rule.id} -- reason\`.`,
    '',
    '```json',
    JSON.stringify({ rules: { [rule.id]: 'off' } }, null, 2),
    '```',
    '',
  ];
  return lines.join('\n');
}

/** docs/rules/README.md: every rule with its group, severity and fixability. */
export function renderRuleIndex(rules: readonly Rule[]): string {
  const groups = [...new Set(rules.map((r) => r.group))].sort();
  const lines = [
    '# Rules',
    '',
    `haproxy-lint has ${rules.length} rule${rules.length === 1 ? '' : 's'}. Fixable: **safe** = \`--fix\` applies it; **unsafe** = only`,
    'with `--unsafe-fixes`; **display-only** = a suggestion that is never applied.',
    '',
    '**(opt-in)** rules do not run by default: select them (`--select <rule-or-group>`, e.g. `--select security`) or give them a severity in `.haproxy-lint.json`.',
    '',
    'This page and the rule pages are generated from the rules\' metadata by `npm run docs`; do not edit them by hand.',
    '',
  ];
  for (const group of groups) {
    lines.push(`## ${group}`, '', '| rule | severity | fixable | description |', '| --- | --- | --- | --- |');
    for (const rule of rules.filter((r) => r.group === group).sort((a, b) => a.id.localeCompare(b.id))) {
      lines.push(`| [${rule.id}](${rule.id}.md) | ${rule.severity}${onByDefault(rule) ? '' : ' (opt-in)'} | ${rule.fixable} | ${rule.description.replace(/\|/g, '\\|')} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

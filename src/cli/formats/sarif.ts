import { pathToFileURL } from 'node:url';
import { relative, sep } from 'node:path';
import type { Finding, Rule, Severity } from '../../engine/types.js';
import { securitySeverityOf } from '../../engine/rule-settings.js';
import { HOMEPAGE, ruleDocsUrl } from '../meta.js';
import { isFixable, type FileReport, type ReportContext } from './types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** The artifact URI: relative to the working directory (uriBaseId %SRCROOT%) when inside it, else a file: URI. */
function artifactLocation(file: FileReport, cwd: string): { uri: string; uriBaseId?: string } {
  if (file.absPath === '' || file.path === '<stdin>') return { uri: 'stdin' };
  const rel = relative(cwd, file.absPath);
  if (rel && !rel.startsWith('..') && !rel.startsWith(sep)) {
    return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(file.absPath).href };
}

function ruleDescriptor(rule: Rule) {
  const fix = rule.docs.fixSafety ? `\n\nFix: ${rule.docs.fixSafety}` : '';
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z0-9])/g, (_, __, ch: string) => ch.toUpperCase()),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.docs.what },
    help: {
      text: `${rule.docs.what}\n\n${rule.docs.why}${fix}`,
      markdown: `${rule.docs.what}\n\n${rule.docs.why}\n\nBad:\n\n\`\`\`haproxy\n${rule.docs.bad.replace(/\n$/, '')}\n\`\`\`\n\nGood:\n\n\`\`\`haproxy\n${rule.docs.good.replace(/\n$/, '')}\n\`\`\`${fix}`,
    },
    helpUri: ruleDocsUrl(rule.id),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: ruleProperties(rule),
  };
}

/** `security-severity` (a string, as GitHub code scanning reads it) and a `security` tag rank security rules' alerts. */
function ruleProperties(rule: Rule): Record<string, unknown> {
  const score = securitySeverityOf(rule);
  const tags = score === undefined || rule.group === 'security' ? [rule.group] : [rule.group, 'security'];
  return {
    group: rule.group,
    fixable: rule.fixable,
    tags,
    ...(score !== undefined ? { 'security-severity': score.toFixed(1) } : {}),
  };
}

function result(file: FileReport, finding: Finding, ruleIndex: number, cwd: string, unsafeFixes: boolean) {
  const location = artifactLocation(file, cwd);
  const region = {
    startLine: finding.line,
    startColumn: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    charOffset: finding.start,
    charLength: finding.end - finding.start,
  };
  const fix = finding.fix && finding.fix.edits.length > 0 && finding.fix.applicability !== 'display-only'
    ? [{
        description: { text: `${finding.fix.description} (${finding.fix.applicability})` },
        artifactChanges: [{
          artifactLocation: location,
          replacements: finding.fix.edits.map((e) => ({
            deletedRegion: { charOffset: e.start, charLength: e.end - e.start },
            ...(e.text !== '' ? { insertedContent: { text: e.text } } : {}),
          })),
        }],
      }]
    : undefined;
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: location, region } }],
    ...(fix ? { fixes: fix } : {}),
    properties: {
      ...(finding.fix ? { fixApplicability: finding.fix.applicability, fixable: isFixable(finding, unsafeFixes) } : {}),
    },
  };
}

/** SARIF 2.1.0: one run, every rule's metadata, results with physical locations and fixes. */
export function sarif(context: ReportContext): string {
  const index = new Map(context.rules.map((rule, i) => [rule.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'haproxy-lint',
          version: context.version,
          semanticVersion: context.version,
          informationUri: HOMEPAGE,
          rules: context.rules.map(ruleDescriptor),
        },
      },
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(context.cwd.endsWith(sep) ? context.cwd : context.cwd + sep).href } },
      columnKind: 'utf16CodeUnits',
      results: context.files.flatMap((file) => file.findings.map((f) => result(file, f, index.get(f.ruleId) ?? -1, context.cwd, context.unsafeFixes))),
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

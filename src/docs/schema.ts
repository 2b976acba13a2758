import type { Rule, RuleOptionSpec } from '../engine/types.js';
import { DEFAULT_TARGET_VERSION, TARGET_VERSIONS } from '../engine/types.js';
import { onByDefault } from '../engine/rule-settings.js';
import { HOMEPAGE } from '../cli/meta.js';

export const SCHEMA_ID = `${HOMEPAGE}/raw/main/schema/haproxy-lint.schema.json`;

function optionSchema(spec: RuleOptionSpec): Record<string, unknown> {
  const base: Record<string, unknown> = { description: spec.description };
  if (spec.type === 'string[]') Object.assign(base, { type: 'array', items: spec.enum ? { enum: [...spec.enum] } : { type: 'string' } });
  else if (spec.enum && spec.type === 'string') Object.assign(base, { type: 'string', enum: [...spec.enum] });
  else Object.assign(base, { type: spec.type });
  if (spec.default !== undefined) base.default = spec.default;
  return base;
}

function ruleSettingSchema(rule: Rule): Record<string, unknown> {
  const options = Object.entries(rule.options ?? {});
  const optionsObject = {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(options.map(([name, spec]) => [name, optionSchema(spec)])),
  };
  return {
    description: `${rule.description} (default: ${onByDefault(rule) ? rule.severity : `off, opt-in at ${rule.severity}`}; group: ${rule.group}; fixable: ${rule.fixable})`,
    oneOf: [
      { $ref: '#/definitions/severity' },
      { type: 'array', items: [{ $ref: '#/definitions/severity' }, optionsObject], minItems: 1, maxItems: 2, additionalItems: false },
    ],
  };
}

/** The JSON Schema of `.haproxy-lint.json` (and package.json's "haproxy-lint" key), from the rules' metadata. */
export function configSchema(rules: readonly Rule[]): Record<string, unknown> {
  const globs = { type: 'array', items: { type: 'string', minLength: 1 } };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: 'haproxy-lint configuration',
    description: 'Settings for haproxy-lint, in .haproxy-lint.json or under the "haproxy-lint" key of package.json. Command-line flags win over them.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: { $ref: '#/definitions/rules' },
      app: { $ref: '#/definitions/app', description: 'The application stack behind every backend (e.g. "django"): rules that know it check health-check paths and headers against it.' },
      apps: {
        description: 'The application stack per backend name; wins over "app".',
        type: 'object',
        additionalProperties: { $ref: '#/definitions/app' },
      },
      targetVersion: { $ref: '#/definitions/targetVersion' },
      environment: {
        description: 'The environment variables set when HAProxy runs (names). When given, a double-quoted reference to any other variable is reported (rule unset-environment-variable): HAProxy expands it to an empty string. Without it the run-time environment is unknown and nothing is said.',
        type: 'array',
        items: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
        uniqueItems: true,
      },
      include: { ...globs, description: 'Extra files to lint when a directory is searched (globs relative to this file\'s directory); by default haproxy*.cfg and *.cfg below a haproxy/ directory.' },
      exclude: { ...globs, description: 'Files not to lint when a directory or glob is searched (globs relative to this file\'s directory). Files named on the command line are always linted.' },
      baseline: { type: 'string', minLength: 1, description: 'A baseline file (relative to this file\'s directory) written by --write-baseline: findings recorded there are not reported. --baseline wins over it.' },
      format: {
        description: 'How `haproxy-lint format` and editors formatting through the language server lay files out.',
        type: 'object',
        additionalProperties: false,
        properties: {
          indent: { description: 'Indentation of section bodies: a number of spaces, or "tab" (default: 4).', oneOf: [{ type: 'integer', minimum: 1, maximum: 8 }, { const: 'tab' }], default: 4 },
          alignServers: { description: 'Align the name and address columns of consecutive server lines (default: false).', type: 'boolean', default: false },
        },
      },
      configurations: {
        description: 'Configuration sets: the files HAProxy loads together (its -f arguments, in order), linted as one configuration. A file of a set named on the command line (or by pre-commit) is linted with its whole set; a file in no set is linted alone.',
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['load'],
          properties: {
            load: {
              description: 'Paths relative to this file\'s directory, in load order, as `haproxy -f PATH` takes them: a file, or a directory standing for its *.cfg files in lexical order.',
              type: 'array',
              minItems: 1,
              items: { type: 'string', minLength: 1 },
            },
            targetVersion: { $ref: '#/definitions/targetVersion' },
            app: { $ref: '#/definitions/app' },
          },
        },
      },
      overrides: {
        description: 'Settings for the files matching some globs; later entries win.',
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['files'],
          properties: {
            files: { ...globs, minItems: 1, description: 'Globs relative to this file\'s directory; a glob without "/" matches file names at any depth.' },
            app: { $ref: '#/definitions/app' },
            rules: { $ref: '#/definitions/rules' },
            targetVersion: { $ref: '#/definitions/targetVersion' },
          },
        },
      },
    },
    definitions: {
      severity: { enum: ['off', 'info', 'warning', 'error'] },
      app: { type: 'string', pattern: '^[A-Za-z0-9_.-]+$' },
      targetVersion: { description: `The HAProxy version the configuration must work with (default: the newest LTS, ${DEFAULT_TARGET_VERSION}).`, enum: [...TARGET_VERSIONS] },
      rules: {
        description: 'Severity ("off", "info", "warning", "error") or [severity, options] per rule id.',
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries([...rules].sort((a, b) => a.id.localeCompare(b.id)).map((rule) => [rule.id, ruleSettingSchema(rule)])),
      },
    },
  };
}

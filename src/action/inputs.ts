/**
 * The action's inputs as the runner passes them: `INPUT_<NAME>` environment variables (name upper-cased,
 * spaces turned to `_`, hyphens kept), every declared input present with its default from action.yml.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError } from '../cli/errors.js';
import { FORMATS } from '../cli/formats/types.js';

export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface ActionInputs {
  paths: string[];
  fix: boolean;
  /** the report printed in the job log (a CLI --format) */
  format: string;
  /** where to write SARIF ('' for nowhere) */
  sarifFile: string;
  failOn: FailOn;
  targetVersion?: string;
  app?: string;
  config?: string;
  summary: boolean;
}

function input(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

function booleanInput(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const value = input(env, name);
  if (value === '') return fallback;
  // the YAML 1.2 core schema's booleans, as @actions/core's getBooleanInput reads them
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new CliError(`input '${name}': expected true or false, not '${value}'`);
}

/** The HAProxy version a file names: `2.8`, `haproxy 2.8.5` (.tool-versions), `FROM haproxy:2.8-alpine`… */
export function versionFromFile(path: string, cwd: string): string {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, path), 'utf8');
  } catch (error) {
    throw new CliError(`input 'version-file': cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const match = /haproxy[^\d\n]{0,20}(\d+\.\d+)/i.exec(text) ?? /(?:^|[^\d.])(\d+\.\d+)(?:\.\d+)?/.exec(text);
  if (!match) throw new CliError(`input 'version-file': ${path} names no HAProxy version (expected e.g. 2.8)`);
  return match[1]!;
}

export function readInputs(env: NodeJS.ProcessEnv, cwd: string): ActionInputs {
  const failOn = input(env, 'fail-on') || 'error';
  if (!(FAIL_ON as readonly string[]).includes(failOn)) throw new CliError(`input 'fail-on': expected ${FAIL_ON.join(', ')}, not '${failOn}'`);
  const versionFile = input(env, 'version-file');
  const targetVersion = input(env, 'target-version') || (versionFile !== '' ? versionFromFile(versionFile, cwd) : '');
  const format = input(env, 'format') || 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) throw new CliError(`input 'format': expected one of ${FORMATS.join(', ')}, not '${format}'`);
  const paths = input(env, 'paths').split(/\s+/).filter((p) => p !== '');
  return {
    paths: paths.length > 0 ? paths : ['.'],
    fix: booleanInput(env, 'fix', false),
    format,
    sarifFile: input(env, 'sarif-file'),
    failOn: failOn as FailOn,
    ...(targetVersion !== '' ? { targetVersion } : {}),
    ...(input(env, 'app') !== '' ? { app: input(env, 'app') } : {}),
    ...(input(env, 'config') !== '' ? { config: input(env, 'config') } : {}),
    summary: booleanInput(env, 'summary', true),
  };
}

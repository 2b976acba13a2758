/**
 * `--target-version auto`: the version of the HAProxy installed here, read from `haproxy -v`
 * ("HAProxy version 2.6.12-1+deb12u4 2023/12/12 - https://haproxy.org/").
 */
import { spawnSync } from 'node:child_process';
import { VERSIONS, versionOfRelease, type Version } from '../grammar/versions.js';
import { CliError } from './errors.js';

/** The target version of a `haproxy -v` output, or why there is none. */
export function targetFromVersionOutput(output: string): { version: Version } | { problem: string } {
  const m = /HA-?Proxy version (\S+)/i.exec(output);
  if (!m) return { problem: 'could not read a version from `haproxy -v`' };
  const version = versionOfRelease(m[1]!);
  if (!version) return { problem: `HAProxy ${m[1]} is not a version the linter knows (${VERSIONS.join(', ')})` };
  return { version };
}

/** Runs `haproxy -v` (the program `$HAPROXY_BIN` names, or `haproxy` on the PATH). */
export function detectTargetVersion(program = process.env.HAPROXY_BIN || 'haproxy'): Version {
  const run = spawnSync(program, ['-v'], { encoding: 'utf8', timeout: 10_000 });
  if (run.error) {
    const missing = (run.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new CliError(
      missing
        ? `--target-version auto: '${program}' is not installed (or not on the PATH); name the version instead, e.g. --target-version 3.4`
        : `--target-version auto: could not run '${program} -v': ${run.error.message}`,
    );
  }
  const result = targetFromVersionOutput(`${run.stdout ?? ''}\n${run.stderr ?? ''}`);
  if ('problem' in result) throw new CliError(`--target-version auto: ${result.problem}; name the version instead, e.g. --target-version 3.4`);
  return result.version;
}

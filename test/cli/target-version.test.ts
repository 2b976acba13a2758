/**
 * `--target-version auto`: the version of the installed HAProxy (`haproxy -v`), or a one-line error.
 * The ordered list of targets every part uses.
 */
import { mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { detectTargetVersion, targetFromVersionOutput } from '../../src/cli/haproxy-version.js';
import { CliError } from '../../src/cli/errors.js';
import { DEFAULT_TARGET_VERSION, TARGET_VERSIONS } from '../../src/engine/types.js';
import { VERSIONS } from '../../src/grammar/versions.js';
import { requirePrograms } from '../helpers/programs.js';

const haproxy = requirePrograms(['haproxy']);
const scratch = mkdtempSync(join(tmpdir(), 'haproxy-lint-target-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** a fake `haproxy` printing `text` for -v */
function fakeHaproxy(text: string): string {
  const path = join(scratch, `haproxy-${Math.random().toString(36).slice(2)}`);
  writeFileSync(path, `#!/bin/sh\necho '${text}'\n`);
  chmodSync(path, 0o755);
  return path;
}

describe('target versions', () => {
  test('one ordered list, 2.6 to 3.5, default the newest LTS (3.4)', () => {
    expect(TARGET_VERSIONS).toBe(VERSIONS);
    expect([...TARGET_VERSIONS]).toEqual(['2.6', '2.8', '2.9', '3.0', '3.1', '3.2', '3.3', '3.4', '3.5']);
    expect(DEFAULT_TARGET_VERSION).toBe('3.4');
  });

  test('reads the version of haproxy -v outputs', () => {
    expect(targetFromVersionOutput('HAProxy version 2.6.12-1+deb12u4 2023/12/12 - https://haproxy.org/')).toEqual({ version: '2.6' });
    expect(targetFromVersionOutput('HAProxy version 3.5-dev5-abc 2026/01/01')).toEqual({ version: '3.5' });
    expect(targetFromVersionOutput('HA-Proxy version 2.9.0 2023/12/05')).toEqual({ version: '2.9' });
    expect(targetFromVersionOutput('HAProxy version 1.8.30 2021/04/12')).toMatchObject({ problem: expect.stringContaining('1.8.30') });
    expect(targetFromVersionOutput('something else')).toMatchObject({ problem: expect.stringContaining('could not read') });
  });

  test('auto: a clear one-line error when haproxy is not installed, or prints no version', () => {
    expect(() => detectTargetVersion(join(scratch, 'no-such-haproxy'))).toThrow(CliError);
    expect(() => detectTargetVersion(join(scratch, 'no-such-haproxy'))).toThrow(/--target-version auto: '.*no-such-haproxy' is not installed \(or not on the PATH\); name the version instead/);
    expect(() => detectTargetVersion(fakeHaproxy('HAProxy version 1.8.30 2021/04/12'))).toThrow(/--target-version auto: HAProxy 1\.8\.30 is not a version the linter knows/);
    expect(detectTargetVersion(fakeHaproxy('HAProxy version 3.3.0-1 2025/11/26'))).toBe('3.3');
  });

  test.runIf(haproxy.ok)('auto: the installed haproxy (2.6.12 here)', () => {
    expect(detectTargetVersion()).toBe('2.6');
  });
});

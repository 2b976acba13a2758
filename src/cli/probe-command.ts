import { resolve } from 'node:path';
import type { LintOptions } from '../engine/types.js';
import type { Flags, ProbeCommand } from './args.js';
import { CliError } from './errors.js';
import { readSource } from './io.js';
import type { Io } from './run.js';
import { formatProbeJson, formatProbeText } from '../probe/format.js';
import { probeConfig, ProbeError } from '../probe/probe.js';

/** --timeout bounds: below 1 ms nothing can answer; timers cannot wait past 2^31 ms, and a probe never should wait an hour */
const MIN_TIMEOUT_MS = 1;
const MAX_TIMEOUT_MS = 3_600_000;

/** `haproxy-lint probe CONFIG`: the front of probeConfig(). Exit 0: all probed servers pass, 1: one fails, 2: trouble. */
export async function probeCommand(command: ProbeCommand, flags: Flags, options: LintOptions, io: Io): Promise<number> {
  if (flags.format !== 'stylish' && flags.format !== 'json') throw new CliError(`probe: --format ${flags.format} is not supported (text is the default; json)`);
  if (flags.fix || flags.diff || flags.fixOnly || flags.stdin) throw new CliError('probe: --fix, --diff, --fix-only and --stdin do not apply; run the probe on a file');
  const serverAddresses: Record<string, string> = {};
  for (const spec of command.serverAddress) {
    const match = /^([^=]+)=(.+)$/.exec(spec);
    if (!match) throw new CliError(`--server-address '${spec}': expected NAME=HOST:PORT (NAME: server or backend/server)`);
    serverAddresses[match[1]!.trim()] = match[2]!.trim();
  }
  let timeoutMs: number | undefined;
  if (command.timeout !== undefined) {
    const { parseTime } = await import('../probe/time.js');
    timeoutMs = parseTime(command.timeout);
    if (timeoutMs === undefined) throw new CliError(`--timeout '${command.timeout}': expected a duration such as 500ms or 2s`);
    if (timeoutMs < MIN_TIMEOUT_MS || timeoutMs > MAX_TIMEOUT_MS) throw new CliError(`--timeout '${command.timeout}': must be between 1ms and 1h`);
  }
  const source = await readSource(command.config, resolve(io.cwd, command.config), flags.maxFileSize);
  if (source.notice) io.stderr.write(`haproxy-lint: warning: ${source.notice}\n`);
  try {
    const report = await probeConfig(source.text, {
      ...options,
      ...(command.backend !== undefined ? { backend: command.backend } : {}),
      serverAddresses,
      allowRemote: command.allowRemote,
      allowUnix: command.allowUnix,
      allowUnsafeRequests: command.allowUnsafeRequests,
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    });
    io.stdout.write(flags.format === 'json' ? formatProbeJson(report, command.config) : formatProbeText(report, command.config));
    return report.exitCode;
  } catch (error) {
    if (error instanceof ProbeError) throw new CliError(`${command.config}: ${error.message}`);
    throw error;
  }
}

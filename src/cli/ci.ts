/**
 * The steps between linting and reporting that CI jobs ask for: `--with-haproxy` adds HAProxy's own
 * findings, `--write-baseline` records the findings, `--baseline` hides the recorded ones (and
 * `--prune-baseline` drops the fixed ones from the file). Everything is checked before any file is linted,
 * so a missing binary or a bad baseline is one line and exit 2, not a report.
 */
import { dirname, resolve } from 'node:path';
import type { Finding, LintOptions, Rule } from '../engine/types.js';
import { activeRules } from '../engine/rule-settings.js';
import type { Flags } from './args.js';
import { applyBaseline, assertWritableBaseline, baselineEntries, readBaseline, writeBaseline, type Baseline } from './baseline.js';
import { displayPathFor } from './discover.js';
import { CliError } from './errors.js';
import type { FileReport } from './formats/types.js';
import { HAPROXY_RULE, resolveHaproxyBinary, runHaproxy, withoutRepeats } from './with-haproxy.js';

export interface CiPlan {
  haproxy?: string;
  baseline?: Baseline;
  writeBaseline?: { path: string; displayPath: string };
  prune: boolean;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Validates the CI flags and loads what they name. `configBaseline` is the `baseline` setting of the
 * configuration file that applies to the working directory, already resolved against its directory.
 */
export function planCi(flags: Flags, cwd: string, configBaseline: string | undefined, rules: readonly Rule[], options: LintOptions): CiPlan {
  const fixesOnly = flags.diff || flags.fixOnly;
  if (flags.withHaproxy !== undefined && (flags.stdin || fixesOnly)) throw new CliError(`--with-haproxy checks files and reports: it cannot be combined with ${flags.stdin ? '--stdin' : flags.diff ? '--diff' : '--fix-only'}`);
  if (flags.writeBaseline !== undefined && (flags.stdin || fixesOnly)) throw new CliError(`--write-baseline records the findings of files: it cannot be combined with ${flags.stdin ? '--stdin' : flags.diff ? '--diff' : '--fix-only'}`);
  if (flags.writeBaseline !== undefined && flags.pruneBaseline) throw new CliError('--write-baseline writes a whole new baseline: --prune-baseline is not needed with it');
  const plan: CiPlan = { prune: flags.pruneBaseline === true };
  // the haproxy rule can be turned off like any other (`--ignore haproxy`, "haproxy": "off")
  if (flags.withHaproxy !== undefined && activeRules(rules, options).some((a) => a.rule.id === HAPROXY_RULE)) {
    plan.haproxy = resolveHaproxyBinary(flags.withHaproxy, cwd);
  }
  if (flags.writeBaseline !== undefined) {
    const path = resolve(cwd, flags.writeBaseline);
    assertWritableBaseline(path, flags.writeBaseline);
    plan.writeBaseline = { path, displayPath: flags.writeBaseline };
    return plan;
  }
  const baselinePath = flags.baseline !== undefined ? resolve(cwd, flags.baseline) : configBaseline;
  if (baselinePath !== undefined && !fixesOnly) plan.baseline = readBaseline(baselinePath, flags.baseline ?? displayPathFor(cwd, baselinePath));
  if (flags.pruneBaseline && baselinePath === undefined) throw new CliError('--prune-baseline needs a baseline: --baseline FILE, or "baseline" in .haproxy-lint.json');
  return plan;
}

function byPosition(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column;
}

/**
 * Runs the planned steps on the linted files (their `findings` are all findings, before --quiet), in
 * place. Returns an exit code when the run ends here (--write-baseline), else undefined.
 */
export async function finishCi(plan: CiPlan, files: FileReport[], cwd: string, env: NodeJS.ProcessEnv, stderr: (text: string) => void): Promise<number | undefined> {
  if (plan.haproxy !== undefined && files.length > 0) {
    const run = await runHaproxy(plan.haproxy, files, cwd, env);
    let added = 0;
    files.forEach((file, i) => {
      const theirs = withoutRepeats(file.findings, run.findings[i] ?? []);
      added += theirs.length;
      file.findings = [...file.findings, ...theirs].sort(byPosition);
    });
    const found = run.findings.reduce((n, f) => n + f.length, 0);
    const status = run.exitCode === 0 || run.exitCode === 2 ? 'accepted the configuration' : `refused the configuration (exit status ${run.exitCode})`;
    stderr(`haproxy-lint: checked with ${run.version} (${run.binary}${run.isolated ? ', no network' : ', WITHOUT network isolation: unshare is not available'}): it ${status}; ${plural(found, 'message')}, ${plural(found - added, 'repeat')} of haproxy-lint findings dropped${run.unresolved > 0 ? `, ${plural(run.unresolved, 'message')} about names that cannot resolve without network skipped` : ''}\n`);
  }
  if (plan.writeBaseline) {
    const { path, displayPath } = plan.writeBaseline;
    const entries = baselineEntries(files, dirname(path));
    await writeBaseline(path, displayPath, entries);
    const total = entries.reduce((n, e) => n + e.count, 0);
    stderr(`haproxy-lint: wrote ${displayPath}: ${plural(total, 'finding')} in ${plural(files.length, 'file')} recorded; lint with --baseline ${displayPath} to see only new ones\n`);
    return 0;
  }
  if (plan.baseline) {
    const outcome = applyBaseline(plan.baseline, files);
    files.forEach((file, i) => {
      file.findings = outcome.remaining[i]!;
    });
    let note = `haproxy-lint: ${plan.baseline.displayPath}: ${plural(outcome.baselined, 'finding')} baselined (not shown)`;
    if (outcome.prunable > 0 && plan.prune) {
      await writeBaseline(plan.baseline.path, plan.baseline.displayPath, outcome.pruned);
      note += `; pruned ${plural(outcome.prunable, 'finding')} no longer found`;
    } else if (outcome.prunable > 0) {
      note += `; ${plural(outcome.prunable, 'baselined finding')} no longer found (prunable: run with --prune-baseline to drop ${outcome.prunable === 1 ? 'it' : 'them'})`;
    }
    stderr(`${note}\n`);
  }
  return undefined;
}

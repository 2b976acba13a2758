import type { Rule } from '../engine/types.js';
import type { ConfigFile, Line, Word } from '../parser/ast.js';
import { addressProblem, type AddressSpec } from './shared/addresses.js';

const BIND_SPEC: AddressSpec = { label: 'bind address', portMandatory: true, range: true, streamOnly: true };

/** the variables HAProxy sets itself (section 2.3 of the manuals, some only in newer releases) */
const SET_BY_HAPROXY = new Set([
  'HAPROXY_LOCALPEER', 'HAPROXY_CFGFILES', 'HAPROXY_MWORKER', 'HAPROXY_CLI', 'HAPROXY_MASTER_CLI', 'HAPROXY_STARTUP_VERSION',
  'HAPROXY_BRANCH', 'HAPROXY_HTTP_LOG_FMT', 'HAPROXY_HTTP_CLF_LOG_FMT', 'HAPROXY_HTTPS_LOG_FMT', 'HAPROXY_TCP_LOG_FMT',
  'HAPROXY_TCP_CLF_LOG_FMT', 'HAPROXY_KEYLOG_FC_LOG_FMT', 'HAPROXY_KEYLOG_BC_LOG_FMT',
]);

/** What is known of the environment at a line: the names set (declared or reset), or, unknown, the names surely unset. */
type Environment = { known: true; set: ReadonlySet<string> } | { known: false; unset: ReadonlySet<string> };

function isUnset(env: Environment, name: string): boolean {
  return env.known ? !env.set.has(name) : env.unset.has(name);
}

/**
 * The environment when HAProxy reads `line`: the declared one (or unknown), changed by the global
 * `setenv`/`presetenv`/`unsetenv`/`resetenv` lines above it (HAProxy applies them while parsing).
 */
function environmentAt(file: ConfigFile, declared: ReadonlySet<string> | undefined): (line: Line) => Environment {
  const changes = file.lines.filter((l) => l.kind === 'keyword' && l.condDepth === 0 && /^(pre)?setenv$|^unsetenv$|^resetenv$/.test(l.keyword));
  return (line) => {
    let known = declared !== undefined;
    const names = new Set(declared ?? []); // known: the names set; unknown: the names surely unset
    for (const change of changes) {
      if (change.start >= line.start) break;
      const args = change.args.map((w) => w.value);
      if (change.keyword === 'setenv' || change.keyword === 'presetenv') {
        const name = args[0];
        if (name && known) names.add(name);
        else if (name) names.delete(name);
      } else if (change.keyword === 'unsetenv') {
        for (const name of args) {
          if (known) names.delete(name);
          else names.add(name);
        }
      } else {
        // resetenv keeps only the names it lists
        const kept = known ? args.filter((n) => names.has(n)) : args.filter((n) => !names.has(n));
        known = true;
        names.clear();
        for (const name of kept) names.add(name);
      }
    }
    return known ? { known, set: names } : { known, unset: names };
  };
}

/** the word as HAProxy reads it once the unset variables expand to nothing */
function expanded(file: ConfigFile, word: Word, unset: ReadonlySet<string>): string {
  let value = word.value;
  for (const ref of word.envRefs) {
    if (!unset.has(ref.name)) continue;
    const written = file.text.slice(ref.start, ref.end);
    value = value.replace(written, '');
  }
  return value;
}

const HEADER_ACTIONS = new Set(['set-header', 'add-header']);
const RULE_FAMILIES = new Set(['http-request', 'http-response', 'http-after-response']);

/** argument positions where HAProxy reads an empty word as a missing one (checked against 2.6) */
function emptyRefused(line: Line, word: Word): boolean {
  const [first, second] = line.words;
  const at = line.words.indexOf(word);
  if (first?.value === 'server' || first?.value === 'default_backend' || first?.value === 'use_backend') return at === (first.value === 'server' ? 2 : 1);
  return RULE_FAMILIES.has(first?.value ?? '') && HEADER_ACTIONS.has(second?.value ?? '') && (at === 2 || at === 3);
}

/** What HAProxy then refuses, when that can be told from the word alone; undefined when it may accept it. */
function refusal(line: Line, word: Word, value: string): string | undefined {
  if (value === '' && (line.args.length === 1 || emptyRefused(line, word))) return `\`${line.keyword}\` gets an empty argument, which HAProxy takes for a missing one and refuses`;
  if (line.keyword === 'bind' && word === line.args[0]) {
    const problem = value.split(',').map((part) => addressProblem(part, BIND_SPEC)).find((p) => p !== undefined);
    if (problem) return `the bind address reads '${value}': ${problem.message}`;
  }
  return undefined;
}

export const rule: Rule = {
  id: 'unset-environment-variable',
  description: 'A double-quoted environment variable that is not set where HAProxy runs, which HAProxy expands to an empty string',
  severity: 'error',
  fixable: 'none',
  group: 'correctness',
  docs: {
    what: 'Given the environment HAProxy runs with (the `environment` setting, a list of variable names), reports a `"${NAME}"` or `"$NAME"` reference to a variable that is not set there, nor by a `setenv`/`presetenv` line above it; without it, a reference to a variable an `unsetenv` or `resetenv` line above removed. Variables HAProxy sets itself (`HAPROXY_LOCALPEER`, `HAPROXY_CFGFILES`, …), references with a default (`"${NAME-default}"`) and lines inside `.if` blocks are left alone. It is an error when the empty expansion leaves a line HAProxy refuses (`maxconn ""`, `bind ":"`), a warning otherwise. Otherwise a variable is taken to be set at run time (a template\'s variables are).',
    why: 'HAProxy expands an unset variable to an empty string without a word: `maxconn "${MAXCONN}"` becomes `maxconn ""` ("\'maxconn\' expects an integer argument"), `bind ":${PORT}"` becomes `bind ":"` ("missing port specification"). Elsewhere the empty value is silently accepted, and a header, ACL pattern or host ends up empty.',
    bad: 'global\n    resetenv PORT\n    maxconn "${MAXCONN}"\n',
    good: 'global\n    resetenv PORT\n    maxconn "${MAXCONN-4096}"\n',
    fixSafety: 'No automatic fix: the value (or a `${NAME-default}` fallback) is the author\'s to choose.',
  },
  check({ file, report, environment: declared }) {
    if (!declared && !file.lines.some((l) => l.keyword === 'unsetenv' || l.keyword === 'resetenv')) return;
    const environment = environmentAt(file, declared);
    for (const line of file.lines) {
      if (line.kind !== 'keyword' || line.condDepth > 0) continue;
      let env: Environment | undefined;
      for (const word of line.words) {
        const refs = word.envRefs.filter((ref) => ref.defaultValue === undefined && !SET_BY_HAPROXY.has(ref.name));
        if (refs.length === 0) continue;
        env ??= environment(line);
        const unset = new Set(refs.filter((ref) => isUnset(env!, ref.name)).map((ref) => ref.name));
        if (unset.size === 0) continue;
        const value = expanded(file, word, unset);
        const refused = refusal(line, word, value);
        const list = [...unset].map((n) => `'${n}'`).join(', ');
        const first = refs.find((ref) => unset.has(ref.name))!;
        report({
          message: `environment variable ${list} is not set where HAProxy runs: HAProxy expands it to an empty string${refused ? `, and ${refused}` : ''}; set it, or write a default (\`\${${first.name}-value}\`)`,
          start: first.start,
          end: first.end,
          severity: refused ? 'error' : 'warning',
        });
      }
    }
  },
};

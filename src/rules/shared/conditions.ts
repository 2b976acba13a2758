/**
 * The expression of an `.if`/`.elif` directive as HAProxy's cfgcond.c reads it (section 2.4 of the
 * manuals): terms (`0`, a non-zero integer, a predicate with optional arguments in parentheses, a
 * parenthesized expression), each optionally negated with `!`, combined with `&&` and `||`.
 */
import { atLeast, type Version } from '../../grammar/versions.js';

interface Predicate {
  /** the number of arguments it takes */
  args: number;
  since: Version;
}

/**
 * The predicates each version knows. 2.6.12 also has the openssl ones (backported after the 2.6.0
 * manual); the awslc ones are in the 3.4 manual but not the 3.2 one (3.3 has no manual here).
 */
const PREDICATES: Record<string, Predicate> = {
  defined: { args: 1, since: '2.6' },
  feature: { args: 1, since: '2.6' },
  streq: { args: 2, since: '2.6' },
  strneq: { args: 2, since: '2.6' },
  version_atleast: { args: 1, since: '2.6' },
  version_before: { args: 1, since: '2.6' },
  openssl_version_atleast: { args: 1, since: '2.6' },
  openssl_version_before: { args: 1, since: '2.6' },
  ssllib_name_startswith: { args: 1, since: '2.6' },
  strstr: { args: 2, since: '2.8' },
  enabled: { args: 1, since: '2.8' },
  awslc_api_atleast: { args: 1, since: '3.3' },
  awslc_api_before: { args: 1, since: '3.3' },
  fips_mode: { args: 0, since: '3.5' },
};

export interface ConditionProblem {
  message: string;
  /** offset in the expression text */
  at: number;
}

class Refused extends Error {
  constructor(readonly problem: ConditionProblem) {
    super(problem.message);
  }
}

/** What HAProxy `version` says about a condition expression, or undefined when it parses. */
export function conditionProblem(text: string, version: Version): ConditionProblem | undefined {
  let i = 0;
  const fail = (message: string, at = i): never => {
    throw new Refused({ message, at });
  };
  const blanks = () => {
    while (text[i] === ' ' || text[i] === '\t') i++;
  };
  const unparsable = (from: number) =>
    from >= text.length ? fail(`conditional expression '${text}' ends without a term after its operator`, from) : fail(`unparsable conditional expression '${text.slice(from)}'`, from);

  const term = (): void => {
    blanks();
    const from = i;
    while (text[i] === '!') {
      i++;
      blanks();
    }
    if (text[i] === '(') {
      i++;
      expression();
      blanks();
      if (text[i] !== ')') fail(`expected ')' after conditional expression '${text.slice(from)}'`, from);
      i++;
      return;
    }
    const number = /^-?\d+/.exec(text.slice(i));
    if (number) {
      i += number[0].length;
      return;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))?.[0];
    const predicate = name !== undefined && Object.hasOwn(PREDICATES, name) ? PREDICATES[name] : undefined;
    if (!name || !predicate) return unparsable(from);
    if (!atLeast(version, predicate.since)) {
      fail(`predicate '${name}' does not exist in HAProxy ${version} (it first appears in HAProxy ${predicate.since}): HAProxy reads "unparsable conditional expression '${text.slice(from)}'"`, from);
    }
    i += name.length;
    let count = 1;
    if (text[i] === '(') {
      const close = text.indexOf(')', i);
      if (close < 0) fail(`expected ')' in argument 1 of predicate '${name}'`, i);
      const inside = text.slice(i + 1, close);
      count = inside === '' && predicate.args === 0 ? 0 : inside.split(',').length;
      i = close + 1;
    }
    if (predicate.args > 0 && count < predicate.args) fail(`missing arguments (got ${count}/${predicate.args}) of predicate '${name}'`, from);
    if (count > Math.max(predicate.args, 1)) fail(`predicate '${name}' takes ${predicate.args} argument${predicate.args === 1 ? '' : 's'}, got ${count}: HAProxy reads "expected ')'"`, from);
  };
  const conjunction = (): void => {
    term();
    for (blanks(); text.startsWith('&&', i); blanks()) {
      i += 2;
      term();
    }
  };
  const expression = (): void => {
    conjunction();
    for (blanks(); text.startsWith('||', i); blanks()) {
      i += 2;
      conjunction();
    }
  };

  try {
    blanks();
    if (i === text.length) return undefined; // an empty condition is false, not an error
    expression();
    blanks();
    if (i < text.length) fail(`unexpected character '${text[i]}' at the end of conditional expression '${text}'`);
    return undefined;
  } catch (err) {
    if (err instanceof Refused) return err.problem;
    throw err;
  }
}

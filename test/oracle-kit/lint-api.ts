/**
 * The slice of the library API (`lint`, `fix` from src/index.ts) the oracle measures. Declared here so the
 * oracle compiles and its classification runs before (and independently of) the linter itself.
 */

export interface OracleFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column?: number;
}

export interface LintApi {
  lint(text: string, options?: Record<string, unknown>): { findings: OracleFinding[] } | Promise<{ findings: OracleFinding[] }>;
  fix(
    text: string,
    options?: Record<string, unknown>,
  ): { output: string; changed: boolean; findings: OracleFinding[] } | Promise<{ output: string; changed: boolean; findings: OracleFinding[] }>;
}

/**
 * The oracle is haproxy 2.6.12, so findings are measured for that target; it runs haproxy with only these
 * environment variables (src/oracle/haproxy-check.ts), and tells the linter so.
 */
export const ORACLE_LINT_OPTIONS: Record<string, unknown> = {
  targetVersion: '2.6',
  environment: ['PATH', 'LANG'],
};

/** picks `lint` and `fix` out of an imported module, or explains what is missing */
export function asLintApi(mod: unknown): LintApi | string {
  const m = mod as Partial<LintApi> | undefined;
  if (!m || typeof m.lint !== 'function') return 'the module exports no lint(text, options) function';
  if (typeof m.fix !== 'function') return 'the module exports no fix(text, options) function';
  return m as LintApi;
}

/**
 * The same API with lint results remembered per text (the measurements lint the same configs several
 * times). Errors are remembered too, and rethrown.
 */
export function memoizeLint(api: LintApi): LintApi {
  const seen = new Map<string, Promise<{ findings: OracleFinding[] }>>();
  return {
    lint(text, options) {
      const key = JSON.stringify(options ?? {}) + '\0' + text;
      let result = seen.get(key);
      if (!result) {
        result = Promise.resolve().then(() => api.lint(text, options));
        seen.set(key, result);
      }
      return result;
    },
    fix: (text, options) => api.fix(text, options),
  };
}

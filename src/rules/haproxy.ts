import type { Rule } from '../engine/types.js';

/** Reported by the command line with --with-haproxy (src/cli/with-haproxy.ts), not by the engine. */
export const rule: Rule = {
  id: 'haproxy',
  description: 'An alert or warning of `haproxy -c` itself (with --with-haproxy)',
  severity: 'error',
  fixable: 'none',
  group: 'haproxy',
  docs: {
    what: 'With `--with-haproxy[=PATH]`, runs the installed `haproxy -c` on the linted files (in order, away from the network) and reports each `[ALERT]` as an error and each `[WARNING]` as a warning, with HAProxy\'s own message, file and line. An alert HAProxy does not pin to a line is attached to the section it names, else to line 1 of the first file. A message on a line where haproxy-lint already reports something at least as severe is dropped as a repeat.',
    why: 'The binary that will load the configuration is the final judge: it knows its own build (compiled-in features, keywords of that exact version) and checks things a linter does not, such as references across sections. Running it in the same step gives one report, one exit code and one format (SARIF, Code Quality, JUnit) instead of a second job that parses `haproxy -c` output whose exit codes and verbosity changed between releases.',
    bad: 'frontend web\n    bind :80\n    default_backend missing\n',
    good: 'frontend web\n    bind :80\n    default_backend app\n\nbackend app\n    server app1 127.0.0.1:8000\n',
  },
};

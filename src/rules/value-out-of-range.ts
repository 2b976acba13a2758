import { valueRule } from './values/rule.js';

export const rule = valueRule('range', {
  id: 'value-out-of-range',
  description: 'A number outside the range HAProxy accepts for that keyword (server weight, log length, …)',
  docs: {
    what: 'Checks numbers HAProxy bounds: a server `weight` from 0 to 256, `rise`, `fall`, `error-limit` and `id` above 0, `inter`, `fastinter`, `downinter` and `agent-inter` other than 0, a `log … len` from 80 to 65535, `nbthread` at least 1, `spread-checks` from 0 to 50, `balance random(<draws>)` at least 1, the `port` of `http-check connect`/`tcp-check connect` from 1 to 65535.',
    why: 'HAProxy refuses the configuration ("weight of server s1 is not within 0 and 256 (300)", "\'rise\' has to be > 0", "invalid log length \'10\', must be between 80 and 65535"), so the proxy does not start.',
    bad: 'backend app\n    server app1 127.0.0.1:8000 weight 300\n',
    good: 'backend app\n    server app1 127.0.0.1:8000 weight 256\n',
    fixSafety: 'No automatic fix: the value meant cannot be known.',
  },
});

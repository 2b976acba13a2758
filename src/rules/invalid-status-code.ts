import { valueRule } from './values/rule.js';

export const rule = valueRule('status', {
  id: 'invalid-status-code',
  description: 'An HTTP status code HAProxy refuses for that keyword (errorfile, deny_status, return, set-status, redirect, http-check expect)',
  docs: {
    what: "Checks status codes: `errorfile`, `errorloc`, `errorloc302`, `errorloc303` and `http-error status` take a code HAProxy has an error page for (200, 400, 401, 403, 404, 405, 407, 408, 410, 413, 425, 429, 500–504; 414 and 431 from 3.1); `deny_status`/`status` of `deny` and `tarpit`, `return status` and `http-error status` a code from 200 to 599; `set-status` from 100 to 999; a redirect `code` 301, 302, 303, 307 or 308; `http-check expect status` a list of codes and ranges (digits, `,` and `-`).",
    why: 'HAProxy refuses the configuration ("errorfile : status code \'999\' not handled", "Unexpected status code \'99\'", "invalid character \'O\' in the list of status codes"), so the proxy does not start.',
    bad: 'backend app\n    option httpchk GET /health\n    http-check expect status 2OO\n    server app1 127.0.0.1:8000 check\n',
    good: 'backend app\n    option httpchk GET /health\n    http-check expect status 200\n    server app1 127.0.0.1:8000 check\n',
    fixSafety: 'No automatic fix: the code meant cannot be known.',
  },
});

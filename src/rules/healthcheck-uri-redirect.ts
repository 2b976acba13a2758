import type { Line, Section, Word } from '../parser/ast.js';
import type { Rule, RuleContext, Severity } from '../engine/types.js';
import { hasOwnChecks, parseExpect, parseHttpchkOption, parseSend } from './http-check/syntax.js';
import { defaultsOf, keywordLines, usersOf } from './shared/proxies.js';
import { asWord, sourceOffset } from './shared/words.js';

/**
 * What each application stack does with a request for `/health-check` when the route is
 * `/health-check/`. `redirects`: always (by default); `depends`: only when the route was
 * declared with a trailing slash; `never`: no such redirect exists. Unknown names count as undeclared.
 */
interface Stack {
  behaviour: 'redirects' | 'depends' | 'never';
  /** the status the redirect uses */
  status?: number;
  /** `Django's APPEND_SLASH answers`, for the message */
  who?: string;
  /** when `depends`: the condition */
  when?: string;
}

const DJANGO: Stack = { behaviour: 'redirects', status: 301, who: "Django's APPEND_SLASH (CommonMiddleware) answers" };
const WERKZEUG: Stack = { behaviour: 'depends', status: 308, who: 'Flask (Werkzeug) answers', when: 'when the route is declared with a trailing slash' };
const STARLETTE: Stack = { behaviour: 'depends', status: 307, who: "Starlette's redirect_slashes answers", when: 'when the route is declared with a trailing slash' };
const GO_MUX: Stack = { behaviour: 'depends', status: 301, who: "Go's http.ServeMux answers", when: 'when the handler pattern ends with a slash' };
const NEVER: Stack = { behaviour: 'never' };

export const STACKS: Readonly<Record<string, Stack>> = {
  django: DJANGO,
  wagtail: DJANGO,
  flask: WERKZEUG,
  werkzeug: WERKZEUG,
  fastapi: STARLETTE,
  starlette: STARLETTE,
  go: GO_MUX,
  golang: GO_MUX,
  rails: NEVER,
  express: NEVER,
  node: NEVER,
  nodejs: NEVER,
  spring: NEVER,
  laravel: NEVER,
  aspnet: NEVER,
};

const STATUS_TEXT: Record<number, string> = { 301: 'Moved Permanently', 302: 'Found', 307: 'Temporary Redirect', 308: 'Permanent Redirect' };

/** Does the response to the check request pass the configured expectation? */
type Verdict = 'rejects' | 'accepts' | 'unknown';

interface Expectation {
  verdict: Verdict;
  /** how to name it in a message */
  text: string;
  explicit: boolean;
}

interface Candidate {
  word: Word;
  method: string;
  /** index in word.value where the slash goes */
  insertAt: number;
  path: string;
  expects: Line[];
}

export const rule: Rule = {
  id: 'healthcheck-uri-redirect',
  description: 'The HTTP health-check URI lacks the trailing slash the application redirects to, so the check gets a 301',
  severity: 'warning',
  fixable: 'safe',
  group: 'healthcheck',
  docs: {
    what: 'Reports the URI of an HTTP health check (`http-check send … uri <uri>`, or the legacy `option httpchk [<method>] <uri> [<version>]`) whose path neither ends with `/` nor has an extension in its last segment (`/health-check`, not `/health-check/`, `/ping.txt`, `/`). The application behind the backend decides what happens, so the rule uses the stack declared with `--app`, `app`/`appByBackend` in the configuration, or a `# haproxy-lint app=django` comment on the backend (or on its defaults). Stacks: `django`/`wagtail` redirect (APPEND_SLASH, 301); `flask`/`werkzeug` (308), `fastapi`/`starlette` (307) and `go` (http.ServeMux, 301) redirect only when the route is declared with a trailing slash; `rails`, `express`, `node`, `spring`, `laravel`, `aspnet` never do (nothing reported). A check written in a `defaults` section is reported once, at its line in the defaults, with the stack of the defaults section or, when it declares none, of the first backend inheriting that check whose stack redirects. Only checks that run are considered (`option httpchk` on, the proxy has no `http-check`/`option httpchk` line of its own that replaces the defaults\' ruleset). URIs built from environment variables, `uri-lf` and `*` are skipped.',
    why: 'Django\'s APPEND_SLASH answers `GET /health-check` with `301 Moved Permanently` to `/health-check/`. With `http-check expect status 200` (or `rstatus 200`, `string OK`…) HAProxy marks every server DOWN ("Layer7 wrong status, code: 301") and the backend stops serving, although the application is fine. With the default expectation (`status 200-399`, when there is no `http-check expect`) the 301 counts as success: the check passes without ever reaching the health view, so a broken database goes unnoticed. Severity: warning when a redirecting stack is declared and the configured expectation rejects (or may reject) a 3xx; info when it accepts the redirect, when the stack only redirects for some routes, or when no stack is declared.',
    bad: 'backend app  # haproxy-lint app=django\n    option httpchk\n    http-check send meth GET uri /health-check ver HTTP/1.1 hdr Host app.example.com\n    http-check expect status 200\n    server app1 192.168.0.11:8000 check\n',
    good: 'backend app  # haproxy-lint app=django\n    option httpchk\n    http-check send meth GET uri /health-check/ ver HTTP/1.1 hdr Host app.example.com\n    http-check expect status 200\n    server app1 192.168.0.11:8000 check\n',
    fixSafety: 'Appends `/` to the path, keeping any query string (`/status?full=1` → `/status/?full=1`). Safe when the declared stack always redirects (Django): the request then goes straight to the view the redirect pointed to. Unsafe (only with --unsafe-fixes) when no stack is declared or the stack redirects only for some routes: `/healthz` of a Go service or a Rails route would turn into a 404.',
  },
  check(context) {
    const { file } = context;
    for (const section of file.sections) {
      if (section.kind !== 'defaults' && section.kind !== 'backend' && section.kind !== 'listen') continue;
      const candidates = candidatesIn(section);
      if (candidates.length === 0) continue;
      const scope = usage(context, section);
      if (!scope) continue;
      for (const candidate of candidates) reportCandidate(context, candidate, scope);
    }
  },
};

interface Scope {
  stack?: Stack;
  app?: string;
  /** where the stack was found when it came from an inheriting backend */
  via?: string;
  /** for messages: `backend app`, `the backends using these defaults` */
  target: string;
}

/** Whether the check in this section runs, and for which application stack. */
function usage(context: RuleContext, section: Section): Scope | undefined {
  const { file } = context;
  if (section.kind !== 'defaults') {
    if (!httpchkEnabled(context, section)) return undefined;
    const app = context.appFor(section);
    const stack = app ? STACKS[app.toLowerCase()] : undefined;
    if (stack?.behaviour === 'never') return undefined;
    return { stack, app, target: `${section.kind} ${section.name?.value ?? ''}`.trim() };
  }
  const users = usersOf(file, section).filter((u) => (u.kind === 'backend' || u.kind === 'listen') && !hasOwnChecks(u));
  const enabledUsers = users.filter((u) => httpchkEnabled(context, u));
  if (enabledUsers.length === 0 && !(users.length === 0 && ownHttpchk(section) === true)) return undefined;
  const target = 'the backends using these defaults';
  const app = context.appFor(section);
  if (app) {
    const stack = STACKS[app.toLowerCase()];
    if (stack?.behaviour === 'never') return undefined;
    return { stack, app, target };
  }
  const apps = enabledUsers.map((u) => ({ user: u, app: context.appFor(u) }));
  const rank = (a: string | undefined) => {
    const behaviour = a ? STACKS[a.toLowerCase()]?.behaviour : undefined;
    return behaviour === 'redirects' ? 0 : behaviour === 'depends' ? 1 : behaviour === 'never' ? 3 : 2;
  };
  apps.sort((a, b) => rank(a.app) - rank(b.app));
  const best = apps[0];
  if (best && rank(best.app) === 3) return undefined; // every backend runs a stack that never redirects
  if (!best || rank(best.app) === 2) return { target };
  return { stack: STACKS[best.app!.toLowerCase()], app: best.app, via: `${best.user.kind} ${best.user.name?.value ?? ''}`.trim(), target };
}



/** true / false when the section sets `option httpchk` / `no option httpchk`; undefined when it says nothing. */
function ownHttpchk(section: Section): boolean | undefined {
  let enabled: boolean | undefined;
  for (const line of keywordLines(section)) if (line.keyword === 'option httpchk') enabled = line.modifier !== 'no';
  return enabled;
}

function httpchkEnabled(context: RuleContext, section: Section): boolean {
  const own = ownHttpchk(section);
  if (own !== undefined) return own;
  const defaults = defaultsOf(context.file, section);
  return defaults ? ownHttpchk(defaults) === true : false;
}

/** The URIs this section's check requests, each with the method and the expectations that judge its response. */
function candidatesIn(section: Section): Candidate[] {
  let option: Line | undefined;
  const sends: Line[] = [];
  const expectsBySend = new Map<number, Line[]>();
  for (const line of keywordLines(section)) {
    if (line.keyword === 'option httpchk') option = line;
    else if (line.modifier) continue;
    else if (line.keyword === 'http-check send') sends.push(line);
    else if (line.keyword === 'http-check expect') {
      const step = Math.max(0, sends.length - 1);
      const expects = expectsBySend.get(step);
      if (expects) expects.push(line);
      else expectsBySend.set(step, [line]);
    }
  }
  const candidates: Candidate[] = [];
  if (!option && sends.length === 0) return candidates;
  const httpchk = option && !option.modifier ? parseHttpchkOption(option) : undefined;
  const parsed = sends.map(parseSend);
  parsed.forEach((send, index) => {
    if (!send.uri) return;
    const meth = send.meth?.value ?? (index === 0 && httpchk?.meth ? httpchk.meth.value : 'OPTIONS');
    const candidate = analyse(send.uri, meth, expectsBySend.get(index) ?? []);
    if (candidate) candidates.push(candidate);
  });
  if (httpchk?.uri) {
    const first = parsed[0];
    if (!first?.uri && !first?.uriLf) {
      const meth = first?.meth?.value ?? httpchk.meth?.value ?? 'OPTIONS';
      const candidate = analyse(httpchk.uri, meth, expectsBySend.get(0) ?? []);
      if (candidate) candidates.push(candidate);
    }
  }
  return candidates;
}

function analyse(word: Word, method: string, expects: Line[]): Candidate | undefined {
  if (word.envRefs.length > 0) return undefined;
  const value = word.value;
  if (/\s/.test(value)) return undefined;
  const authority = /^https?:\/\/[^/?#]*/i.exec(value);
  const offset = authority ? authority[0].length : 0;
  const rest = value.slice(offset);
  if (!rest.startsWith('/')) return undefined; // `*`, `http://host` alone, relative junk
  const queryAt = rest.search(/[?#]/);
  const pathEnd = queryAt < 0 ? rest.length : queryAt;
  const path = rest.slice(0, pathEnd);
  if (path.endsWith('/')) return undefined;
  const lastSegment = path.slice(path.lastIndexOf('/') + 1);
  if (lastSegment.includes('.')) return undefined; // `/ping.txt`, `/health.php`: a file, not a route
  return { word, method, insertAt: offset + pathEnd, path, expects };
}

/** The expectations' verdict on a redirect answered with one of these statuses. */
function judge(expects: Line[], statuses: number[]): Expectation {
  if (expects.length === 0) return { verdict: 'accepts', text: 'the default expectation (`status 200-399`)', explicit: false };
  let verdict: Verdict = 'accepts';
  const verdicts = expects.map((line) => judgeExpect(line, statuses));
  for (const one of verdicts) {
    if (one === 'rejects') verdict = 'rejects';
    else if (one === 'unknown' && verdict === 'accepts') verdict = 'unknown';
  }
  const shown = expects[verdicts.indexOf(verdict)] ?? expects[0]!;
  const words = shown.words;
  let text = words.length > 0 ? words[0]!.raw : '';
  for (let i = 1; i < words.length; i++) text += ' ' + words[i]!.raw;
  return { verdict, text: `\`${text}\``, explicit: true };
}

function judgeExpect(line: Line, statuses: number[]): Verdict {
  const { bang, match, pattern } = parseExpect(line);
  if (!match || !pattern) return 'unknown';
  const matcher = match.value;
  let results: (boolean | undefined)[];
  if (matcher === 'status') results = statuses.map((s) => statusListMatches(pattern.value, s));
  else if (matcher === 'rstatus') results = statuses.map((s) => regexMatches(pattern.value, String(s)));
  else if (matcher === 'string' || matcher === 'rstring' || matcher === 'string-lf') results = statuses.map(() => false); // a redirect's body is empty or a short "moved" page
  else return 'unknown';
  const passes = results.map((r) => (r === undefined ? undefined : bang ? !r : r));
  if (passes.every((p) => p === false)) return 'rejects';
  if (passes.every((p) => p === true)) return 'accepts';
  return 'unknown';
}

/** Answers by status list and status: a config repeats the same `expect status` lists on every backend. */
const statusListAnswers = new Map<string, Map<number, boolean | undefined>>();

function statusListMatches(list: string, status: number): boolean | undefined {
  let byStatus = statusListAnswers.get(list);
  if (!byStatus) {
    if (statusListAnswers.size >= 1024) statusListAnswers.clear();
    statusListAnswers.set(list, (byStatus = new Map()));
  }
  if (byStatus.has(status)) return byStatus.get(status);
  const answer = readStatusList(list, status);
  byStatus.set(status, answer);
  return answer;
}

function readStatusList(list: string, status: number): boolean | undefined {
  let known = true;
  for (const item of list.split(',')) {
    const range = /^(\d+)(?:-(\d+))?$/.exec(item.trim());
    if (!range) {
      known = false;
      continue;
    }
    const low = Number(range[1]);
    const high = range[2] ? Number(range[2]) : low;
    if (status >= low && status <= high) return true;
  }
  return known ? false : undefined;
}

function regexMatches(pattern: string, text: string): boolean | undefined {
  try {
    return new RegExp(pattern).test(text);
  } catch {
    return undefined;
  }
}

function reportCandidate(context: RuleContext, candidate: Candidate, scope: Scope): void {
  const { word, method, insertAt, path } = candidate;
  const fixed = `${path}/`;
  const stack = scope.stack;
  const statuses = stack?.status !== undefined ? [stack.status] : [301, 302, 307, 308];
  const expectation = judge(candidate.expects, statuses);
  const code = statuses.length === 1 ? String(statuses[0]) : '301';
  const outcome =
    expectation.verdict === 'rejects'
      ? `${expectation.text} marks every server DOWN (Layer7 wrong status, code: ${code})`
      : expectation.verdict === 'accepts'
        ? `${expectation.text} accepts the redirect, so the check passes without ever reaching the health view`
        : `${expectation.text} may reject the redirect and mark the servers DOWN, or accept it without ever reaching the health view`;
  const via = scope.via ? ` (the stack declared for ${scope.via}, which uses this check)` : '';
  let message: string;
  let severity: Severity | undefined;
  let applicability: 'safe' | 'unsafe';
  if (stack?.behaviour === 'redirects') {
    message = `${stack.who} ${method} ${path} with ${stack.status} ${STATUS_TEXT[stack.status!]} to ${fixed}, and ${outcome}; request ${fixed}${via}`;
    severity = expectation.verdict === 'accepts' ? 'info' : undefined;
    applicability = 'safe';
  } else if (stack?.behaviour === 'depends') {
    message = `${stack.who} ${method} ${path} with ${stack.status} ${STATUS_TEXT[stack.status!]} to ${fixed} ${stack.when}; if the route is declared that way, ${outcome}; request ${fixed} if so${via}`;
    severity = 'info';
    applicability = 'unsafe';
  } else {
    const declared = scope.app ? `the stack \`${scope.app}\` is unknown to this rule` : 'no application stack is declared';
    message = `health-check URI ${path} has no trailing slash: if the application behind ${scope.target} redirects it to ${fixed} (Django's APPEND_SLASH answers with 301), ${outcome}; ${declared} (set it with --app or \`# haproxy-lint app=django\`)`;
    severity = 'info';
    applicability = 'unsafe';
  }
  // insert the slash in place; a word written with escapes is rewritten whole, verified to read back as meant
  const at = sourceOffset(word, insertAt);
  const rewritten = at === undefined ? asWord(`${word.value.slice(0, insertAt)}/${word.value.slice(insertAt)}`) : undefined;
  const edit = at !== undefined ? { start: at, end: at, text: '/' } : rewritten !== undefined ? { start: word.start, end: word.end, text: rewritten } : undefined;
  context.report({
    message,
    start: word.start,
    end: word.end,
    ...(severity ? { severity } : {}),
    ...(edit ? { fix: { description: `request ${fixed} instead of ${path}`, applicability, edits: [edit] } } : {}),
  });
}

/**
 * The story's stack on loopback: Django under uWSGI, HAProxy in front, both started (and stopped) by the
 * test. Config texts from fixtures/seed use the story's 192.168.0.x addresses; `localizeConfig` rewrites
 * every address to 127.0.0.1 before anything starts, and refuses to go on if any other address is left.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startProcess, type ManagedProcess } from '../helpers/process.js';
import { unixSocketCommand } from '../helpers/net.js';
import { waitFor } from '../helpers/wait.js';

export const DJANGO_DIR = join(dirname(fileURLToPath(import.meta.url)), 'django_app');

export interface LocalizeOptions {
  /**
   * the i-th distinct server address of the config becomes 127.0.0.1:serverPorts[i] (distinct addresses
   * stay distinct, so e.g. two nameless servers are not turned into a duplicate-name error)
   */
  serverPorts: number[];
  /** every bind becomes 127.0.0.1:frontendPort */
  frontendPort: number;
  /** `stats socket PATH level admin` is added to global */
  statsSocket?: string;
}

const IPV4_WITH_PORT = /\b(\d{1,3}(?:\.\d{1,3}){3})(:\d+)?\b/g;

/**
 * Adapts a story config to run here: servers and binds on loopback, a stats socket, logs to stdout (the
 * test captures them), and no `daemon`/`user`/`group`/`log /dev/log` (the test runs haproxy in the
 * foreground and owns its output). Everything else — the part the story is about — is left as is.
 */
export function localizeConfig(text: string, options: LocalizeOptions): string {
  const out: string[] = [];
  const mapped = new Map<string, number>();
  const loopbackFor = (address: string): string => {
    let port = mapped.get(address);
    if (port === undefined) {
      port = options.serverPorts[mapped.size];
      if (port === undefined) throw new Error(`localizeConfig: no port left for server address ${address}`);
      mapped.set(address, port);
    }
    return `127.0.0.1:${port}`;
  };
  for (const line of text.split('\n')) {
    const words = line.trim().split(/\s+/);
    const keyword = words[0] ?? '';
    if (/^(daemon|user|group)$/.test(keyword)) continue;
    if (keyword === 'log' && words[1] !== 'global') continue;
    if (keyword === 'server') {
      out.push(line.replace(IPV4_WITH_PORT, (address) => loopbackFor(address)));
      continue;
    }
    if (keyword === 'bind') {
      out.push(line.replace(/^(\s*bind\s+)\S+/, `$1127.0.0.1:${options.frontendPort}`));
      continue;
    }
    out.push(line);
    if (keyword === 'global') {
      const indent = '    ';
      out.push(`${indent}log stdout format raw local0`);
      if (options.statsSocket) out.push(`${indent}stats socket ${options.statsSocket} level admin`);
    }
  }
  const result = out.join('\n');
  assertLoopbackOnly(result);
  return result;
}

/** throws when a server/bind line of the config names anything but loopback */
export function assertLoopbackOnly(text: string): void {
  for (const [i, line] of text.split('\n').entries()) {
    const keyword = line.trim().split(/\s+/)[0];
    if (keyword !== 'server' && keyword !== 'bind') continue;
    for (const m of line.matchAll(IPV4_WITH_PORT)) {
      if (m[1] !== '127.0.0.1') throw new Error(`line ${i + 1} still names ${m[0]}: ${line.trim()}`);
    }
  }
}

export interface UwsgiOptions {
  uwsgi: string;
  port: number;
  /** where the recording middleware appends one JSON line per request */
  requestLog: string;
  /** where the health-check view appends the Accept header it received */
  acceptLog: string;
}

/** uWSGI with the story's options, serving the Django app on 127.0.0.1:port */
export function startUwsgi(o: UwsgiOptions): ManagedProcess {
  if (!existsSync(join(DJANGO_DIR, 'storysite', 'settings.py'))) throw new Error(`no Django app in ${DJANGO_DIR}`);
  return startProcess(
    [
      o.uwsgi,
      '--plugin', 'python3',
      '--http-socket', `127.0.0.1:${o.port}`,
      '--enable-proxy-protocol',
      '--master',
      '--processes', '2',
      '--die-on-term',
      '--vacuum',
      '--chdir', DJANGO_DIR,
      '--module', 'storysite.wsgi:application',
    ],
    {
      name: 'uwsgi',
      env: {
        PATH: process.env.PATH,
        DJANGO_SETTINGS_MODULE: 'storysite.settings',
        STORY_REQUEST_LOG: o.requestLog,
        STORY_ACCEPT_LOG: o.acceptLog,
      },
    },
  );
}

export function startHaproxy(haproxy: string, cfgPath: string): ManagedProcess {
  return startProcess([haproxy, '-db', '-f', cfgPath], { name: 'haproxy', cwd: dirname(cfgPath) });
}

/** one server's row of `show stat`, as a record keyed by the CSV header's field names */
export type StatRow = Record<string, string>;

export function parseShowStat(csv: string): StatRow[] {
  const lines = csv.split('\n').filter((l) => l.trim() !== '');
  const header = lines.shift();
  if (!header?.startsWith('# ')) return [];
  const fields = header.slice(2).split(',');
  return lines.map((l) => {
    const values = l.split(',');
    return Object.fromEntries(fields.map((f, i) => [f, values[i] ?? '']));
  });
}

export async function serverStats(statsSocket: string, backend: string): Promise<StatRow[]> {
  const rows = parseShowStat(await unixSocketCommand(statsSocket, 'show stat'));
  return rows.filter((r) => r.pxname === backend && r.svname !== 'BACKEND' && r.svname !== 'FRONTEND');
}

/** "Layer7 wrong status, code: 301" from a stat row, in the words of HAProxy's logs */
export function checkSummary(row: StatRow): string {
  return `${row.check_desc ?? ''}${row.check_code ? `, code: ${row.check_code}` : ''}`;
}

/** waits until the stats socket answers (haproxy is up) or the process died */
export async function waitForHaproxy(proc: ManagedProcess, statsSocket: string, timeoutMs = 10_000): Promise<void> {
  await waitFor(
    async () => {
      if (proc.hasExited()) throw new Error(`haproxy exited: ${proc.output()}`);
      return (await unixSocketCommand(statsSocket, 'show info')).includes('Pid:');
    },
    { timeoutMs, intervalMs: 100, what: 'haproxy stats socket' },
  );
}

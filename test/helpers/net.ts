/** Loopback-only networking helpers for tests: free ports, plain HTTP GETs, and unix-socket commands. */
import { createServer, createConnection } from 'node:net';
import { request } from 'node:http';

/** a TCP port that was free on 127.0.0.1 a moment ago */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no port'))));
    });
  });
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** GET http://127.0.0.1:port/path; loopback only by construction */
export function httpGet(port: number, path: string, headers: Record<string, string> = {}, timeoutMs = 5_000): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers, timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${path} timed out`)));
    req.on('error', reject);
    req.end();
  });
}

/** sends one command line to a unix stream socket (e.g. HAProxy's stats socket) and returns the whole reply */
export function unixSocketCommand(path: string, command: string, timeoutMs = 3_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ path });
    let reply = '';
    const timer = setTimeout(() => socket.destroy(new Error(`no reply to "${command}" on ${path}`)), timeoutMs);
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(command.endsWith('\n') ? command : command + '\n'));
    socket.on('data', (d: string) => (reply += d));
    socket.on('end', () => {
      clearTimeout(timer);
      resolve(reply);
    });
    socket.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

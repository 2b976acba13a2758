/**
 * A real LSP client for tests: starts the built server (dist/lsp/main.js) over stdio, initializes
 * it with the given capabilities, and offers request/notify with a bounded wait. `close()` sends
 * shutdown + exit and kills the process (by its pid) if it is still there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SERVER = join(ROOT, 'dist/lsp/main.js');
const STEP_MS = 15_000;

export interface TestClient {
  connection: MessageConnection;
  capabilities: Record<string, unknown>;
  /** the whole initialize result (capabilities, serverInfo) */
  initializeResult: { capabilities: Record<string, unknown>; serverInfo?: { name: string; version?: string } };
  published: PublishDiagnosticsParams[];
  /** window/showMessage texts, in order */
  shownMessages: string[];
  /** the params of every workspace/configuration request */
  configurationRequests: unknown[];
  /** what the server wrote on stderr so far */
  stderr(): string;
  /** when the server process exits */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  request<T>(method: string, params: unknown): Promise<T>;
  open(path: string, text: string, version?: number): Promise<string>;
  change(uri: string, text: string, version: number): Promise<void>;
  /** an incremental change: `text` replaces the range */
  edit(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string, version: number): Promise<void>;
  diagnosticsFor(uri: string, accept?: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  close(): Promise<void>;
}

export function within<T>(promise: Promise<T>, what: string, stderr: () => string, ms = STEP_MS): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}; server stderr: ${stderr()}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const uriOf = (path: string) => pathToFileURL(path).href;

/**
 * `settings` answers workspace/configuration for the `haproxy-lint` section (a function: what it
 * returns at the time of the request).
 */
export async function startClient(cwd: string, options: { capabilities?: Record<string, unknown>; initializationOptions?: unknown; settings?: unknown } = {}): Promise<TestClient> {
  const child: ChildProcess = spawn(process.execPath, [SERVER, '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const shownMessages: string[] = [];
  const configurationRequests: unknown[] = [];
  const settings = () => (typeof options.settings === 'function' ? (options.settings as () => unknown)() : options.settings);
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const listeners = new Set<() => void>();
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params);
    for (const listener of [...listeners]) listener();
  });
  connection.onNotification('window/showMessage', (params: { message: string }) => {
    shownMessages.push(params.message);
  });
  connection.onNotification(() => undefined);
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
    configurationRequests.push(params);
    return params.items.map((item) => (item.section === undefined || item.section === 'haproxy-lint' ? settings() ?? null : null));
  });
  connection.onRequest(() => null);
  connection.listen();
  const bounded = <T>(p: Promise<T>, what: string) => within(p, what, () => stderr);
  const result = await bounded(connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uriOf(cwd),
    workspaceFolders: [{ uri: uriOf(cwd), name: 'test' }],
    capabilities: options.capabilities ?? { workspace: { configuration: true } },
    initializationOptions: options.initializationOptions ?? { debounceMs: 20 },
  }), 'initialize') as TestClient['initializeResult'];
  await connection.sendNotification('initialized', {});
  return {
    connection,
    capabilities: result.capabilities,
    initializeResult: result,
    published,
    shownMessages,
    configurationRequests,
    stderr: () => stderr,
    exited,
    request: <T>(method: string, params: unknown) => bounded(connection.sendRequest(method, params) as Promise<T>, method),
    async open(path, text, version = 1) {
      const uri = uriOf(path);
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'haproxy', version, text } });
      return uri;
    },
    async change(uri, text, version) {
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    async edit(uri, range, text, version) {
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    },
    diagnosticsFor(uri, accept = () => true) {
      return bounded(new Promise((resolve) => {
        const check = () => {
          const found = published.find((p) => p.uri === uri && accept(p));
          if (found) {
            listeners.delete(check);
            resolve(found);
          }
        };
        listeners.add(check);
        check();
      }), `diagnostics for ${uri}`);
    },
    async close() {
      try {
        await within(connection.sendRequest('shutdown'), 'shutdown', () => stderr, 5000);
        await connection.sendNotification('exit');
        await within(exited, 'exit', () => stderr, 5000);
      } catch {
        // a failed test may leave it running
      } finally {
        connection.dispose();
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGKILL');
          await exited;
        }
      }
    },
  };
}

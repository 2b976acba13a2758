/** Starts the language server on this process's stdio (or the transport named in argv). */
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { version } from '../cli/meta.js';
import { startServer } from './server.js';

export const LSP_USAGE = `Usage: haproxy-lint-lsp [--stdio]

The haproxy-lint language server: diagnostics, quick fixes, completion, hover documentation,
navigation, outline and formatting for HAProxy configuration files, over the Language Server
Protocol on stdin/stdout.
Settings come from the client (section "haproxy-lint") and from .haproxy-lint.json.
`;

const TRANSPORT_FLAGS = /^--(stdio|node-ipc|socket|pipe)(=|$)/;

/**
 * Runs the server until the client sends `exit` (or the input closes, or the client process
 * named in `initialize` dies): the library exits the process then. Returns whether it started.
 */
export function startLanguageServer(args: readonly string[], out: (text: string) => void = (t) => process.stdout.write(t)): boolean {
  if (args.includes('--help') || args.includes('-h')) {
    out(LSP_USAGE);
    return false;
  }
  if (args.includes('--version')) {
    out(`${version()}\n`);
    return false;
  }
  // with no transport named, stdio (the library would refuse to start otherwise)
  const connection = args.some((a) => TRANSPORT_FLAGS.test(a))
    ? createConnection(ProposedFeatures.all)
    : createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  // stdout carries the protocol: anything logged goes to the client's log instead
  console.log = (...data: unknown[]) => connection.console.log(data.map(String).join(' '));
  console.info = console.log;
  console.warn = (...data: unknown[]) => connection.console.warn(data.map(String).join(' '));
  console.error = (...data: unknown[]) => connection.console.error(data.map(String).join(' '));
  startServer(connection);
  connection.listen();
  return true;
}

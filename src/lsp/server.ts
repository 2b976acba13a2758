/**
 * The language server: a thin front over the library API (`lint`, `fix`, the rules' metadata and
 * the grammar's keyword docs), like the command line.
 *
 * - diagnostics when a document opens, changes (debounced) and is saved;
 * - code actions: each finding's fix, "fix all safe problems" (`source.fixAll.haproxy-lint`) and
 *   suppression comments;
 * - hover: the manual's entry for the keyword under the cursor;
 * - settings from `workspace/configuration` (section `haproxy-lint`) over the `.haproxy-lint.json`
 *   found above the document.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseConfig } from '../parser/parse.js';
import type { Finding } from '../engine/types.js';
import { RULES } from '../rules/index.js';
import type { LoadedConfig } from '../settings/config.js';
import { version } from '../cli/meta.js';
import { codeActions, FIX_ALL_KIND, type LintSnapshot } from './actions.js';
import { toDiagnostic } from './diagnostics.js';
import { hoverAt } from './hover.js';
import { DocumentModels, sameDirectory } from './features/documents.js';
import { extraHover, featureCapabilities, registerFeatures, type FeatureContext } from './features/index.js';
import { lintInSet, setForPath } from './sets.js';
import { IncrementalLinter } from './incremental.js';
import type { LoadSpec } from '../settings/sets.js';
import { ConfigLookup, DEFAULT_SETTINGS, isHaproxyDocument, lintOptionsFor, resolveSettings, type ResolvedSettings } from './settings.js';

export const SETTINGS_SECTION = 'haproxy-lint';
/**
 * Changes closer together than this are linted once, this long after the last of them; the first
 * change after a quiet spell is linted at once (a leading-edge debounce adds no latency to it).
 */
export const DEFAULT_DEBOUNCE_MS = 200;

/**
 * Documents larger than this (in characters) get one diagnostic saying so instead of a lint: linting
 * blocks the server's single thread, and tens of megabytes would stall hovers for minutes.
 */
export const DEFAULT_MAX_DOCUMENT_CHARS = 8 * 1024 * 1024;

export interface ServerOptions {
  debounceMs?: number;
  maxDocumentChars?: number;
}

/** lets pending messages (hover, completion, a newer change) run before a long step */
const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Wires the handlers onto a connection; call `connection.listen()` afterwards. */
export function startServer(connection: Connection, serverOptions: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  /** parse trees and symbol tables of the open documents, for the features in ./features/ */
  const models = new DocumentModels(documents, (document) => {
    const snapshot = snapshots.get(document.uri);
    return snapshot && snapshot.version === document.version ? snapshot.file : undefined;
  });
  const lookup = new ConfigLookup(RULES);
  // navigation sees the files HAProxy loads together (the settings' sets, a conf.d), open or not
  models.setIndexProvider((uri, open) => {
    const path = pathOf(uri);
    const set = path !== undefined ? setForPath(path, configFor(path)) : undefined;
    if (!set) return sameDirectory(uri, open);
    const openUri = new Map(open.map((u) => [pathOf(u), u] as const));
    // in load order (what a file inherits comes from the files before it)
    const members = set.files.map((member) => (member === path ? uri : openUri.get(member) ?? pathToFileURL(member).href));
    return members.includes(uri) ? members : [uri, ...members];
  });
  const timers = new Map<string, NodeJS.Timeout>();
  /** when each document last asked for a debounced lint (a burst of changes is linted once) */
  const lastChange = new Map<string, number>();
  const snapshots = new Map<string, LintSnapshot>();
  /** each open document's last lint, for re-linting only what an edit changed */
  const linters = new Map<string, IncrementalLinter>();
  /** settings per document, as the client answered (cleared when they change) */
  const settingsCache = new Map<string, Promise<ResolvedSettings>>();
  /** messages already shown, so a bad setting is reported once, not on every keystroke */
  const shown = new Set<string>();
  let debounceMs = serverOptions.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  let maxDocumentChars = serverOptions.maxDocumentChars ?? DEFAULT_MAX_DOCUMENT_CHARS;
  const tooLarge = (document: TextDocument) => document.getText().length > maxDocumentChars;
  /** superseded: the document changed (or closed) since this lint started */
  const superseded = (document: TextDocument, version: number) => documents.get(document.uri)?.version !== version;
  let capabilities: ClientCapabilities = {};
  let workspaceRoot: string | undefined;
  let pullConfiguration = false;
  /** the client pulls diagnostics (textDocument/diagnostic): publishing them too would show them twice */
  let clientPulls = false;
  /** settings pushed by didChangeConfiguration (or initializationOptions) for clients that cannot be asked */
  let pushedSettings: unknown;

  const warnOnce = (message: string) => {
    if (shown.has(message)) return;
    shown.add(message);
    connection.console.warn(message);
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  };

  const settingsFor = (uri: string): Promise<ResolvedSettings> => {
    let cached = settingsCache.get(uri);
    if (!cached) {
      const raw: Promise<unknown> = pullConfiguration
        ? connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then((value: unknown) => value, () => pushedSettings)
        : Promise.resolve(pushedSettings);
      cached = raw.then((value) => {
        const { settings, problems } = resolveSettings(value ?? undefined, RULES);
        for (const problem of problems) warnOnce(`haproxy-lint: settings: ${problem}`);
        return settings;
      }, () => DEFAULT_SETTINGS);
      settingsCache.set(uri, cached);
    }
    return cached;
  };

  const configFor = (path: string | undefined): LoadedConfig | undefined => {
    if (path === undefined) return undefined;
    try {
      return lookup.forFile(path);
    } catch (error) {
      warnOnce(`haproxy-lint: ${(error as Error).message} (linting without it)`);
      return undefined;
    }
  };

  /** Lints a document; undefined when it is not ours or linting is off. */
  const snapshotFor = async (document: TextDocument): Promise<LintSnapshot | undefined> => {
    const cached = snapshots.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    const settings = await settingsFor(document.uri);
    if (!settings.enable) return undefined;
    const path = pathOf(document.uri);
    const config = settings.useConfigFile ? configFor(path) : undefined;
    if (!isHaproxyDocument(document.languageId, path, config)) return undefined;
    const options = lintOptionsFor(settings, config, path);
    // the text and version as they are now (the document may have changed while the settings were asked for)
    const lintedVersion = document.version;
    if (tooLarge(document)) {
      const size = document.getText().length;
      const file = parseConfig('');
      const findings: Finding[] = [{
        ruleId: 'document-too-large', severity: 'warning', start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1,
        message: `this document has ${size} characters, over the language server's limit of ${maxDocumentChars}: it is not linted (run haproxy-lint on the file instead)`,
      }];
      return { document, version: lintedVersion, file, findings, options };
    }
    // hovers and newer edits first; a lint of a version already replaced is dropped
    await yieldToEvents();
    if (superseded(document, lintedVersion)) return undefined;
    const set = path !== undefined && settings.useConfigFile ? setForPath(path, config) : undefined;
    let file;
    let findings;
    try {
      if (set && path !== undefined) {
        ({ file, findings } = lintInSet(path, document.getText(), set, options, openText));
        setOf.set(document.uri, set);
      } else {
        let linter = linters.get(document.uri);
        if (!linter) linters.set(document.uri, (linter = new IncrementalLinter()));
        ({ file, findings } = linter.lint(document.getText(), options));
        setOf.delete(document.uri);
      }
    } catch (error) {
      const e = error as Error;
      connection.console.error(`haproxy-lint: internal error linting ${document.uri}: ${e?.stack ?? String(error)}`);
      return undefined;
    }
    const snapshot: LintSnapshot = { document, version: lintedVersion, file, findings, options };
    snapshots.set(document.uri, snapshot);
    return snapshot;
  };

  const features: FeatureContext = {
    models,
    targetVersion: async (uri) => {
      const settings = await settingsFor(uri);
      const path = pathOf(uri);
      return lintOptionsFor(settings, settings.useConfigFile ? configFor(path) : undefined, path).targetVersion;
    },
    formatOptions: (uri) => configFor(pathOf(uri))?.data.format ?? {},
    diagnostics: async (uri) => {
      const document = documents.get(uri);
      if (!document) return undefined;
      const snapshot = await snapshotFor(document);
      return snapshot ? snapshot.findings.map((f) => toDiagnostic(snapshot.document, f)) : undefined;
    },
    workspaceRoot: () => workspaceRoot,
    markdown: () => {
      const formats = capabilities.textDocument?.hover?.contentFormat;
      return !formats || formats.length === 0 || formats.includes('markdown');
    },
  };

  /** the set each open document was last linted with */
  const setOf = new Map<string, LoadSpec>();
  const openText = (path: string): string | undefined => documents.all().find((d) => pathOf(d.uri) === path)?.getText();
  /** A document changed: the other open documents of its set are linted again (they may name what it defines). */
  const revalidateSetOf = (document: TextDocument) => {
    const set = setOf.get(document.uri);
    if (!set) return;
    for (const other of documents.all()) {
      const otherPath = pathOf(other.uri);
      if (other.uri === document.uri || otherPath === undefined || !set.files.includes(otherPath)) continue;
      snapshots.delete(other.uri);
      validateLater(other);
    }
  };

  const validate = async (document: TextDocument): Promise<void> => {
    if (clientPulls) return;
    const started = document.version;
    const snapshot = await snapshotFor(document);
    const current = documents.get(document.uri);
    // closed, or changed again meanwhile (that lint was dropped): the next validation publishes
    if (!current || current.version !== started || (snapshot && snapshot.version !== current.version)) return;
    const diagnostics = snapshot ? snapshot.findings.map((f) => toDiagnostic(current, f)) : [];
    await connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics });
  };

  const validateNow = (document: TextDocument) => {
    const timer = timers.get(document.uri);
    if (timer) clearTimeout(timer);
    timers.delete(document.uri);
    validate(document).catch((error: unknown) => connection.console.error(`haproxy-lint: ${(error as Error)?.stack ?? String(error)}`));
  };

  const validateLater = (document: TextDocument) => {
    const timer = timers.get(document.uri);
    const now = Date.now();
    const quiet = now - (lastChange.get(document.uri) ?? -Infinity) >= debounceMs;
    lastChange.set(document.uri, now);
    // the first change after a quiet spell is linted at once; the ones following it close behind, once they pause
    if (quiet && !timer) {
      validateNow(document);
      return;
    }
    if (timer) clearTimeout(timer);
    timers.set(document.uri, setTimeout(() => {
      timers.delete(document.uri);
      const current = documents.get(document.uri);
      if (current) validateNow(current);
    }, debounceMs));
  };

  const revalidateAll = () => {
    snapshots.clear();
    if (clientPulls && capabilities.workspace?.diagnostics?.refreshSupport) void connection.languages.diagnostics.refresh();
    for (const document of documents.all()) validateNow(document);
  };

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    pullConfiguration = capabilities.workspace?.configuration === true;
    clientPulls = capabilities.textDocument?.diagnostic !== undefined;
    const init = params.initializationOptions as { settings?: unknown; debounceMs?: unknown } | undefined;
    if (init?.settings !== undefined) pushedSettings = init.settings;
    if (typeof init?.debounceMs === 'number' && init.debounceMs >= 0) debounceMs = init.debounceMs;
    const maxChars = (init as { maxDocumentChars?: unknown } | undefined)?.maxDocumentChars;
    if (typeof maxChars === 'number' && maxChars > 0) maxDocumentChars = maxChars;
    const root = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    const rootPath = root ? pathOf(root) : undefined;
    if (rootPath) lookup.setRoot(rootPath);
    workspaceRoot = rootPath;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        ...featureCapabilities,
      },
      serverInfo: { name: 'haproxy-lint', version: version() },
    };
  });

  connection.onInitialized(() => {
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    }
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/.haproxy-lint.json' }, { globPattern: '**/package.json' }],
      });
    }
  });

  connection.onDidChangeConfiguration((change) => {
    const settings = (change.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
    if (settings !== undefined) pushedSettings = settings;
    settingsCache.clear();
    shown.clear();
    revalidateAll();
  });

  connection.onDidChangeWatchedFiles(() => {
    lookup.reset();
    shown.clear();
    revalidateAll();
  });

  /** documents whose didOpen has fired and whose echoing didChangeContent has not yet */
  const opening = new Set<string>();
  documents.onDidOpen((event) => {
    opening.add(event.document.uri);
    validateNow(event.document);
  });
  documents.onDidChangeContent((event) => {
    // TextDocuments fires a change right after each open: that version is being linted already
    if (opening.delete(event.document.uri)) return;
    void settingsFor(event.document.uri).then((settings) => {
      if (settings.run === 'onType') {
        validateLater(event.document);
        revalidateSetOf(event.document);
      }
    });
  });
  documents.onDidSave((event) => {
    // a configuration file saved from outside the editor's watchers: read it again
    lookup.reset();
    snapshots.delete(event.document.uri);
    validateNow(event.document);
    revalidateSetOf(event.document);
  });
  documents.onDidClose((event) => {
    const timer = timers.get(event.document.uri);
    if (timer) clearTimeout(timer);
    timers.delete(event.document.uri);
    snapshots.delete(event.document.uri);
    linters.delete(event.document.uri);
    lastChange.delete(event.document.uri);
    models.forget(event.document.uri);
    settingsCache.delete(event.document.uri);
    revalidateSetOf(event.document);
    setOf.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onCodeAction(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const snapshot = await snapshotFor(document);
    if (!snapshot || snapshot.version !== documents.get(document.uri)?.version || tooLarge(document)) return [];
    return codeActions(snapshot, params.range, params.context, { documentChanges: capabilities.workspace?.workspaceEdit?.documentChanges === true });
  });

  connection.onHover(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    if (tooLarge(document)) return null;
    const snapshot = await snapshotFor(document);
    const file = snapshot?.file ?? parseConfig(document.getText());
    const formats = capabilities.textDocument?.hover?.contentFormat;
    const markdown = !formats || formats.length === 0 || formats.includes('markdown');
    return hoverAt(document, file, document.offsetAt(params.position), markdown) ?? extraHover(features, params.textDocument.uri, params.position);
  });

  connection.onShutdown(() => {
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  });

  registerFeatures(connection, features);
  documents.listen(connection);
}

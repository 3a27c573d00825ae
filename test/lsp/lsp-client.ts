/**
 * A minimal LSP test client: spawns the built server (`node dist/server.cjs --stdio`), speaks JSON-RPC
 * to it with vscode-languageserver-protocol, records every notification, answers
 * `workspace/configuration` from a settings object the test can change, and lets a test wait for an
 * event (never a timer: the only timeout is a generous failure guard).
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ConfigurationParams,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
  type WorkspaceFolder,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from './support.js';

export const SERVER = path.join(ROOT, 'dist/server.cjs');
/** The overall guard for one awaited event: generous, because the test machine may be heavily loaded. */
export const EVENT_TIMEOUT_MS = 20_000;

/** Builds dist/server.cjs when it is missing or older than any source it is bundled from. */
export function ensureServerBuilt(): void {
  const newest = (dir: string): number => {
    let max = 0;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) max = Math.max(max, newest(full));
      else if (/\.(ts|json|mjs|ya?ml)$/.test(entry.name)) max = Math.max(max, fs.statSync(full).mtimeMs);
    }
    return max;
  };
  const sources = Math.max(newest(path.join(ROOT, 'server')), newest(path.join(ROOT, 'schemas')), newest(path.join(ROOT, 'templates/funding')));
  const built = fs.existsSync(SERVER) ? fs.statSync(SERVER).mtimeMs : 0;
  if (built >= sources) return;
  const result = spawnSync(process.execPath, [path.join(ROOT, 'server/build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`node server/build.mjs failed (exit ${result.status}):\n${result.stderr}${result.stdout}`);
}

export interface ClientOptions {
  /** Advertise `textDocument.diagnostic` (pull diagnostics). */
  pull?: boolean;
  /** Advertise `workspace.configuration` (the server then asks for `ehcp` settings). */
  configuration?: boolean;
  workspaceFolders?: WorkspaceFolder[] | null;
  settings?: Record<string, unknown>;
}

export interface Notification {
  method: string;
  params: unknown;
}

interface Waiter {
  match: (n: Notification) => boolean;
  resolve: (n: Notification) => void;
}

export class TestClient {
  readonly notifications: Notification[] = [];
  readonly configurationRequests: ConfigurationParams[] = [];
  settings: Record<string, unknown>;
  stderr = '';
  exitCode: number | null = null;
  exited: Promise<number | null>;
  initializeResult!: InitializeResult;
  private waiters: Waiter[] = [];
  /** While held, answers to workspace/configuration wait (a slow client). */
  private gate: Promise<void> = Promise.resolve();
  private versions = new Map<string, number>();

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
    options: ClientOptions,
  ) {
    this.settings = options.settings ?? { enable: true, rules: {}, fundingSchemes: [], asOf: '2026-11-22' };
    this.exited = new Promise((resolve) => process.on('exit', (code) => resolve((this.exitCode = code))));
    process.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    // No handler is registered for any notification, so every one arrives here.
    connection.onUnhandledNotification((message) => this.record({ method: message.method, params: message.params }));
    connection.onRequest(ConfigurationRequest.type, async (params) => {
      this.configurationRequests.push(params);
      this.record({ method: 'client/configurationAsked', params });
      await this.gate;
      return params.items.map((item) => (item.section === 'ehcp' ? this.settings : null));
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => {
      this.record({ method: 'client/diagnosticRefresh', params: null });
      return null;
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
  }

  static async start(options: ClientOptions = {}): Promise<TestClient> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new TestClient(child, connection, options);
    connection.listen();
    const capabilities: ClientCapabilities = {
      workspace: { configuration: options.configuration ?? true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: false } },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
        rename: { prepareSupport: true },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
    };
    client.initializeResult = await withTimeout(
      connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: null,
        capabilities,
        workspaceFolders: options.workspaceFolders ?? null,
        initializationOptions: { extensionPath: ROOT },
      }),
      'initialize',
    );
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private record(n: Notification): void {
    this.notifications.push(n);
    this.waiters = this.waiters.filter((w) => {
      if (!w.match(n)) return true;
      w.resolve(n);
      return false;
    });
  }

  /** The first notification (already received or still to come) that matches. */
  waitFor(match: (n: Notification) => boolean, what: string, { fromIndex = 0 } = {}): Promise<Notification> {
    const seen = this.notifications.slice(fromIndex).find(match);
    if (seen) return Promise.resolve(seen);
    return withTimeout(new Promise<Notification>((resolve) => this.waiters.push({ match, resolve })), what, () => this.stderr);
  }

  /** The first publishDiagnostics for a document (at a version, when given) that is still to come or already received. */
  async diagnostics(uri: string, version?: number, fromIndex = 0): Promise<PublishDiagnosticsParams> {
    const n = await this.waitFor(
      (x) => x.method === PublishDiagnosticsNotification.method && (x.params as PublishDiagnosticsParams).uri === uri && (version === undefined || (x.params as PublishDiagnosticsParams).version === version),
      `publishDiagnostics for ${path.basename(uri)}${version === undefined ? '' : ` v${version}`}`,
      { fromIndex },
    );
    return n.params as PublishDiagnosticsParams;
  }

  published(uri: string): PublishDiagnosticsParams[] {
    return this.notifications.filter((n) => n.method === PublishDiagnosticsNotification.method && (n.params as PublishDiagnosticsParams).uri === uri).map((n) => n.params as PublishDiagnosticsParams);
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  /** Sends one change (full text or ranged edits); returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  /** Holds back answers to workspace/configuration until the returned function is called. */
  holdConfiguration(): () => void {
    let release!: () => void;
    this.gate = new Promise<void>((resolve) => (release = resolve));
    return () => {
      this.gate = Promise.resolve();
      release();
    };
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return withTimeout(this.connection.sendRequest<R>(method, params), method, () => this.stderr);
  }

  /** shutdown + exit; waits for the process to end (killed by its pid if it does not). */
  async stop(): Promise<void> {
    if (this.exitCode === null && !this.process.killed) {
      try {
        await withTimeout(this.connection.sendRequest(ShutdownRequest.type), 'shutdown');
        await this.connection.sendNotification(ExitNotification.type);
        await withTimeout(this.exited, 'server exit');
      } catch {
        this.process.kill();
      }
    }
    this.connection.dispose();
  }
}

export function withTimeout<T>(promise: Promise<T>, what: string, detail: () => string = () => ''): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${EVENT_TIMEOUT_MS} ms waiting for ${what}${detail() ? `\nserver stderr:\n${detail()}` : ''}`)), EVENT_TIMEOUT_MS);
  });
  return Promise.race([promise, guard]).finally(() => clearTimeout(timer));
}

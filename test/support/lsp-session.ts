import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type FileEvent,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type Registration,
} from 'vscode-languageserver-protocol/node';

/** The built language server, as the extension ships it. */
export const SERVER_PATH = path.resolve(__dirname, '../../../dist/server.js');

const CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true, applyEdit: true },
  textDocument: {
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    completion: { completionItem: { snippetSupport: true, insertReplaceSupport: false } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    synchronization: { didSave: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, isPreferredSupport: true, dataSupport: true },
    definition: { linkSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
  },
};

export interface SessionOptions {
  /** Workspace folder (a temporary one is made when absent). */
  root?: string;
  settings?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
  /** Client capabilities (default: what VS Code offers for the features under test). */
  capabilities?: ClientCapabilities;
}

type Waiter = { uri: string; accept: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void };

/**
 * A real LSP client over stdio to `node dist/server.js --stdio`: it answers workspace/configuration
 * from `settings`, records registrations, and lets tests wait for published diagnostics.
 */
export class LspSession {
  readonly connection: ProtocolConnection;
  readonly published: PublishDiagnosticsParams[] = [];
  readonly registrations: Registration[] = [];
  readonly stderr: string[] = [];
  settings: Record<string, unknown>;
  private readonly waiters: Waiter[] = [];
  private versions = new Map<string, number>();
  private readonly registrationListeners = new Map<string, () => void>();

  private constructor(
    private readonly child: ChildProcess,
    readonly root: string,
    private readonly ownsRoot: boolean,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    child.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.accept(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) => params.items.map((item) => (item.section === 'codedeploy' ? this.settings : null)));
    this.connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
      for (const registration of params.registrations) this.registrationListeners.get(registration.method)?.();
    });
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onRequest('workspace/applyEdit', () => ({ applied: false }));
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onNotification('window/showMessage', () => undefined);
    this.connection.listen();
  }

  /** Starts the server and completes the initialize handshake. */
  static async start(options: SessionOptions = {}): Promise<LspSession> {
    const ownsRoot = !options.root;
    const root = options.root ?? fs.mkdtempSync(path.join(os.tmpdir(), 'appspec-lsp-'));
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const session = new LspSession(child, root, ownsRoot, options.settings ?? {});
    await session.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'test' }],
      capabilities: options.capabilities ?? CAPABILITIES,
      initializationOptions: options.initializationOptions,
    });
    await session.connection.sendNotification(InitializedNotification.type, {});
    return session;
  }

  uri(relative: string): string {
    return pathToFileURL(path.join(this.root, relative)).href;
  }

  /** Writes a file under the workspace root (folders created), optionally with a mode. */
  write(relative: string, text: string, mode?: number): string {
    const file = path.join(this.root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    if (mode !== undefined) fs.chmodSync(file, mode);
    return this.uri(relative);
  }

  async open(uri: string, text: string, languageId = uri.endsWith('.json') ? 'json' : 'yaml'): Promise<number> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return 1;
  }

  /** Replaces the whole text; returns the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** Applies ranged edits, as VS Code sends typing (incremental sync); returns the new version. */
  async edit(uri: string, edits: Array<{ range: Range; text: string }>): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: edits });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { codedeploy: settings } });
  }

  /**
   * The next publication for `uri` that satisfies `accept` (by default: any). Waits for the event;
   * the deadline only turns a hang into a readable failure.
   */
  diagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true, deadlineMs = 10_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`no matching diagnostics for ${uri} within ${deadlineMs} ms; published: ${JSON.stringify(this.published.filter((p) => p.uri === uri).slice(-3))}\nstderr: ${this.stderr.join('')}`));
      }, deadlineMs);
      const waiter: Waiter = {
        uri,
        accept,
        resolve: (params) => {
          clearTimeout(timer);
          resolve(params);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Opens `text` at `uri` and returns the diagnostics published for that version. */
  async openAndDiagnose(uri: string, text: string): Promise<PublishDiagnosticsParams> {
    const waiting = this.diagnostics(uri, (params) => params.version === 1);
    await this.open(uri, text);
    return waiting;
  }

  /** Changes the text and returns the diagnostics published for the new version. */
  async changeAndDiagnose(uri: string, text: string): Promise<PublishDiagnosticsParams> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    const waiting = this.diagnostics(uri, (params) => params.version === version);
    await this.change(uri, text);
    return waiting;
  }

  /** Applies ranged edits and returns the diagnostics published for the new version. */
  async editAndDiagnose(uri: string, edits: Array<{ range: Range; text: string }>): Promise<PublishDiagnosticsParams> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    const waiting = this.diagnostics(uri, (params) => params.version === version);
    await this.edit(uri, edits);
    return waiting;
  }

  /** Resolves when the server has registered `method` dynamically (e.g. workspace/didChangeWatchedFiles). */
  registered(method: string): Promise<void> {
    if (this.registrations.some((registration) => registration.method === method)) return Promise.resolve();
    return new Promise((resolve) => this.registrationListeners.set(method, resolve));
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Shuts the server down the LSP way, kills it if it does not exit, and removes the temporary root. */
  async dispose(): Promise<void> {
    if (this.alive) {
      const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      try {
        await Promise.race([this.connection.sendRequest(ShutdownRequest.type), exited]);
        await this.connection.sendNotification(ExitNotification.type);
      } catch {
        // already gone
      }
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
    this.connection.dispose();
    if (this.ownsRoot) fs.rmSync(this.root, { recursive: true, force: true });
  }
}

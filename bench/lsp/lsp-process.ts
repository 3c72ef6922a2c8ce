import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import {
  CompletionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

/** A language server process driven over stdio, with the measurements the benchmark needs. */
export class LspProcess {
  readonly connection: ProtocolConnection;
  private readonly waiters = new Map<string, (params: PublishDiagnosticsParams) => void>();
  private version = new Map<string, number>();

  private constructor(private readonly child: ChildProcess, configuration: (section: string | undefined) => unknown) {
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    child.stderr!.on("data", (chunk: Buffer) => process.env.LSP_BENCH_DEBUG && process.stderr.write(chunk));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const waiter = this.waiters.get(params.uri);
      if (waiter) {
        this.waiters.delete(params.uri);
        waiter(params);
      }
    });
    this.connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) => params.items.map((item) => configuration(item.section)));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onNotification('telemetry/event', () => undefined);
    this.connection.listen();
  }

  /** Spawns `node script args` and completes the initialize handshake; `startedAt` is taken before the spawn. */
  static async start(script: string, args: string[], rootUri: string, configuration: (section: string | undefined) => unknown, initializationOptions?: unknown): Promise<LspProcess> {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    const server = new LspProcess(child, configuration);
    await server.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      initializationOptions,
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { versionSupport: true }, completion: { completionItem: { snippetSupport: true } } },
      },
    });
    await server.connection.sendNotification(InitializedNotification.type, {});
    return server;
  }

  /** The next diagnostics published for `uri`. */
  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.set(uri, resolve));
  }

  async open(uri: string, text: string): Promise<PublishDiagnosticsParams> {
    const published = this.nextDiagnostics(uri);
    this.version.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return published;
  }

  /** Sends a whole-text change and resolves with the milliseconds until its diagnostics arrive. */
  async timeChange(uri: string, text: string): Promise<{ ms: number; diagnostics: number }> {
    return this.timed(uri, () => this.change(uri, text));
  }

  /** Time from sending a change to the diagnostics published after it. */
  async timed(uri: string, send: () => Promise<void>): Promise<{ ms: number; diagnostics: number }> {
    const published = this.nextDiagnostics(uri);
    const started = process.hrtime.bigint();
    await send();
    const params = await published;
    return { ms: Number(process.hrtime.bigint() - started) / 1e6, diagnostics: params.diagnostics.length };
  }

  /** Replaces the whole text (full sync). */
  async change(uri: string, text: string): Promise<void> {
    await this.send(uri, [{ text }]);
  }

  /** Replaces one line's content, as VS Code sends typing (incremental sync). */
  async editLine(uri: string, line: number, oldLength: number, text: string): Promise<void> {
    await this.send(uri, [{ range: { start: { line, character: 0 }, end: { line, character: oldLength } }, text }]);
  }

  private async send(uri: string, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    const version = (this.version.get(uri) ?? 1) + 1;
    this.version.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  async timeCompletion(uri: string, line: number, character: number): Promise<number> {
    const started = process.hrtime.bigint();
    await this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } });
    return Number(process.hrtime.bigint() - started) / 1e6;
  }

  /** Resident set size of the server process in MB (Linux /proc). */
  async rssMb(): Promise<number | undefined> {
    const status = await fs.readFile(`/proc/${this.child.pid}/status`, 'utf8').catch(() => undefined);
    const kb = status ? /VmRSS:\s+(\d+)/.exec(status)?.[1] : undefined;
    return kb ? Number(kb) / 1024 : undefined;
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => (this.child.exitCode !== null ? resolve() : this.child.once('exit', () => resolve())));
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), exited]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // already gone
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}

import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  type Connection,
  type InitializeParams,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { REVISION_FIX_COMMAND } from '../appspec/features/index';
import { AnalysisCache } from './analysis-cache';
import { AppSpecSelector } from './appspec-selector';
import { AppSpecSources } from './appspec-sources';
import { serverCapabilities } from './capabilities';
import { registerFeatureHandlers } from './feature-handlers';
import { RevisionFileCache } from './revision-file-cache';
import { revisionRootOf } from './revision-files';
import { applyRevisionFix } from './revision-fix-command';
import { DEFAULT_SETTINGS, readSettings, type ServerSettings } from './settings';
import { ValidationService } from './validation-service';
import { handleWatchedFiles } from './watched-files';
import { findAppSpecs } from './workspace-scan';

/** Sent by the VS Code client when the user trusts the workspace (file-changing fixes become available). */
export const WORKSPACE_TRUSTED_NOTIFICATION = 'codedeploy/workspaceTrusted';

/**
 * The AppSpec language server on a connection: documents, settings, workspace scan, watched
 * files, validation and the editor features. Each capability degrades when the client lacks the
 * matching one (no workspace/configuration: settings from didChangeConfiguration; no dynamic
 * file-watcher registration: the client's own watcher, if it sends any).
 */
export function startLanguageServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const selector = new AppSpecSelector();
  const sources = new AppSpecSources(documents, selector);
  let settings: ServerSettings = DEFAULT_SETTINGS;
  let trusted = true;
  let pullConfiguration = false;
  let watchDynamically = false;
  let configurationDynamic = false;
  let folders: string[] = [];
  let folderEvents = false;
  let tokensRefresh = false;
  const current = () => settings;
  const cache = new AnalysisCache(current);
  const fileCache = new RevisionFileCache();
  // File answers are cached only once the client watches files for us (and so reports changes).
  let watching = false;
  const validation = new ValidationService(connection, sources, current, cache, () => (watching ? fileCache : undefined));

  const applySettings = (next: ServerSettings) => {
    settings = next;
    selector.setPatterns(next.filePatterns);
    for (const dropped of sources.prune()) validation.clear(dropped);
    validation.clearWhere((uri) => !sources.isAppSpec(uri));
    void scanWorkspace();
    validation.scheduleAll();
    // The platform decides which hook names are events: colours follow the new settings.
    if (tokensRefresh) void connection.languages.semanticTokens.refresh();
  };

  const scanWorkspace = async () => {
    for (const uri of await findAppSpecs(folders, selector)) {
      if (sources.hasOnDisk(uri)) continue;
      sources.addOnDisk(uri);
      if (!sources.openDocument(uri)) validation.schedule(uri);
    }
  };

  connection.onInitialize((params: InitializeParams) => {
    const workspace = params.capabilities.workspace;
    pullConfiguration = workspace?.configuration === true;
    configurationDynamic = workspace?.didChangeConfiguration?.dynamicRegistration === true;
    watchDynamically = workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    folderEvents = workspace?.workspaceFolders === true;
    tokensRefresh = workspace?.semanticTokens?.refreshSupport === true;
    folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    const options = (params.initializationOptions ?? {}) as { workspaceTrusted?: unknown; settings?: unknown };
    trusted = options.workspaceTrusted !== false;
    if (options.settings !== undefined) settings = readSettings(options.settings);
    selector.setPatterns(settings.filePatterns);
    return { capabilities: serverCapabilities(), serverInfo: { name: 'codedeploy-appspec' } };
  });

  connection.onInitialized(async () => {
    if (configurationDynamic) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'codedeploy' });
    // Every file: a script anywhere in a revision folder can change a diagnostic.
    if (watchDynamically) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] }).then(
        () => (watching = true),
        () => (watching = false),
      );
    }
    if (pullConfiguration) settings = readSettings(await connection.workspace.getConfiguration('codedeploy').catch(() => undefined));
    applySettings(settings);
    // Asking for folder events from a client that cannot send them throws.
    if (folderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        folders = [...folders.filter((uri) => !event.removed.some((removed) => removed.uri === uri)), ...event.added.map((folder) => folder.uri)];
        void scanWorkspace();
      });
    }
  });

  connection.onDidChangeConfiguration(async (change) => {
    const pushed = (change.settings as { codedeploy?: unknown } | undefined)?.codedeploy;
    const next = pullConfiguration ? await connection.workspace.getConfiguration('codedeploy').catch(() => pushed) : pushed;
    applySettings(readSettings(next));
  });

  connection.onNotification(WORKSPACE_TRUSTED_NOTIFICATION, () => {
    trusted = true;
  });

  documents.onDidOpen(({ document }) => {
    if (sources.isAppSpec(document.uri)) validation.schedule(document.uri);
  });
  documents.onDidChangeContent(({ document }) => {
    if (sources.isAppSpec(document.uri)) validation.schedule(document.uri);
  });
  documents.onDidClose(({ document }) => {
    cache.forget(document.uri);
    // A closed AppSpec that is on disk stays in the Problems panel, validated from disk.
    if (sources.hasOnDisk(document.uri)) validation.schedule(document.uri);
    else validation.clear(document.uri);
  });

  connection.onDidChangeWatchedFiles(({ changes }) => handleWatchedFiles(changes, sources, validation, fileCache));

  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    if (command !== REVISION_FIX_COMMAND) return null;
    if (!trusted) {
      void connection.window.showWarningMessage('CodeDeploy: fixes that change revision files run only in a trusted workspace.');
      return null;
    }
    try {
      const done = await applyRevisionFix(args?.[0]);
      connection.console.info(done);
      const uri = (args?.[0] as { uri: string }).uri;
      const root = revisionRootOf(uri);
      if (root) fileCache.invalidateRoot(root);
      validation.schedule(uri);
      return done;
    } catch (error) {
      void connection.window.showErrorMessage(`CodeDeploy: the fix failed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  });

  registerFeatureHandlers({ connection, documents, sources, cache, settings: current, fileFixesAllowed: () => trusted });
  connection.onShutdown(() => validation.dispose());
  documents.listen(connection);
  connection.listen();
}

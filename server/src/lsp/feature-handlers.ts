import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions, complete, documentSymbols, hover, referenceAt, revisionReferences, semanticTokens } from '../appspec/features/index';
import type { AnalysisCache } from './analysis-cache';
import type { AppSpecSources } from './appspec-sources';
import { revisionFilesFor, revisionRootOf } from './revision-files';
import type { ServerSettings } from './settings';

export interface FeatureDependencies {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  sources: AppSpecSources;
  cache: AnalysisCache;
  settings: () => ServerSettings;
  /** Whether fixes may change files besides the AppSpec (workspace trust). */
  fileFixesAllowed: () => boolean;
}

/** Wires the engine's editor features to LSP requests; every handler answers "nothing" for documents that are not AppSpecs. */
export function registerFeatureHandlers(deps: FeatureDependencies): void {
  const { connection, sources, cache } = deps;
  const platform = () => (deps.settings().platform === 'auto' ? undefined : (deps.settings().platform as Exclude<ServerSettings['platform'], 'auto'>));
  const appSpec = (uri: string) => sources.openDocument(uri);

  connection.onCompletion(async ({ textDocument, position }) => {
    const document = appSpec(textDocument.uri);
    if (!document) return null;
    const items = await complete(document.getText(), cache.get(document), position, { platform: platform(), files: revisionFilesFor(document.uri) });
    return { isIncomplete: false, items };
  });

  connection.onHover(({ textDocument, position }) => {
    const document = appSpec(textDocument.uri);
    return document ? (hover(cache.get(document), position, platform()) ?? null) : null;
  });

  connection.onDocumentLinks(({ textDocument }) => {
    const document = appSpec(textDocument.uri);
    const root = revisionRootOf(textDocument.uri);
    if (!document || !root) return null;
    return revisionReferences(cache.get(document)).map((reference) => ({
      range: reference.range,
      target: pathToFileURL(path.join(root, ...reference.path.split('/'))).href,
      tooltip: reference.kind === 'script' ? `Open the ${reference.event ?? ''} script`.replace('  ', ' ') : 'Open the source in the revision',
    }));
  });

  connection.onDefinition(async ({ textDocument, position }) => {
    const document = appSpec(textDocument.uri);
    const root = revisionRootOf(textDocument.uri);
    if (!document || !root) return null;
    const reference = referenceAt(cache.get(document), position);
    if (!reference) return null;
    const target = path.join(root, ...reference.path.split('/'));
    const stat = await fs.stat(target).catch(() => undefined);
    if (!stat?.isFile()) return null;
    const start = { line: 0, character: 0 };
    return [{ originSelectionRange: reference.range, targetUri: pathToFileURL(target).href, targetRange: { start, end: start }, targetSelectionRange: { start, end: start } }];
  });

  connection.onDocumentSymbol(({ textDocument }) => {
    const document = appSpec(textDocument.uri);
    return document ? documentSymbols(cache.get(document)) : null;
  });

  connection.onCodeAction(({ textDocument, context }) => {
    const document = appSpec(textDocument.uri);
    if (!document) return null;
    return codeActions(context.diagnostics, { uri: textDocument.uri, analysis: cache.get(document), fileFixes: deps.fileFixesAllowed() && revisionRootOf(textDocument.uri) !== undefined });
  });

  connection.languages.semanticTokens.on(({ textDocument }) => {
    const document = appSpec(textDocument.uri);
    return { data: document ? semanticTokens(cache.get(document)) : [] };
  });
}

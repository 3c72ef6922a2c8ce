import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeAppSpec, type AppSpecAnalysis } from '../appspec/analyze';
import { IncrementalParser } from '../appspec/incremental/incremental-parser';
import { formatFromPath } from '../appspec/parse';
import { uriPath } from './appspec-selector';
import type { ServerSettings } from './settings';

/**
 * The last synchronous analysis per open document and version, so completion, hover, links,
 * symbols and tokens asked for the same keystroke parse the text once.
 */
export class AnalysisCache {
  private readonly entries = new Map<string, { document: TextDocument; version: number; settings: ServerSettings; analysis: AppSpecAnalysis }>();
  /** Per open document, so a keystroke re-parses only the part of a long AppSpec it touched. */
  private readonly parsers = new Map<string, IncrementalParser>();

  constructor(private readonly settings: () => ServerSettings) {}

  get(document: TextDocument): AppSpecAnalysis {
    const settings = this.settings();
    const cached = this.entries.get(document.uri);
    // A reopened document starts again at version 1: the document object tells the two apart.
    if (cached && cached.document === document && cached.version === document.version && cached.settings === settings) return cached.analysis;
    const analysis = analyzeAppSpec(document.getText(), {
      format: formatFromPath(uriPath(document.uri)),
      platform: settings.platform === 'auto' ? undefined : settings.platform,
      severity: settings.severity,
      parser: this.parserFor(document.uri),
    });
    this.entries.set(document.uri, { document, version: document.version, settings, analysis });
    return analysis;
  }

  /** Keeps the analysis a validation already made for this document version, so features do not parse again. */
  remember(document: TextDocument, analysis: AppSpecAnalysis): void {
    this.entries.set(document.uri, { document, version: document.version, settings: this.settings(), analysis });
  }

  /** The parser that keeps an open document's pieces from one version to the next. */
  parserFor(uri: string): IncrementalParser {
    let parser = this.parsers.get(uri);
    if (!parser) this.parsers.set(uri, (parser = new IncrementalParser()));
    return parser;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
    this.parsers.delete(uri);
  }
}

import type { Connection } from 'vscode-languageserver';
import { validateAppSpec } from '../appspec/analyze';
import { formatFromPath } from '../appspec/parse';
import type { AppSpecSources } from './appspec-sources';
import { uriPath } from './appspec-selector';
import { Debouncer } from './debouncer';
import { revisionFilesFor, ValidationCancelled } from './revision-files';
import type { AnalysisCache } from './analysis-cache';
import type { RevisionFileCache } from './revision-file-cache';
import type { ServerSettings } from './settings';
import { toLspDiagnostic } from './to-lsp-diagnostic';

/** Quiet time after the last edit of a burst before validating again. */
export const DEBOUNCE_MS = 150;
/** Edits closer together than this count as a burst (typing is slower; paste and auto-repeat are faster). */
export const BURST_GAP_MS = 50;

/**
 * open/change → debounce → engine → publishDiagnostics, with stale work cancelled: every new
 * request for a URI bumps its generation, and a validation whose generation moved on stops at its
 * next file access and never publishes.
 */
export class ValidationService {
  private readonly generations = new Map<string, number>();
  /** URIs with diagnostics on screen, so ones that stop being AppSpecs can be cleared. */
  private readonly shown = new Set<string>();
  /** URIs with a validation in flight (revision checks are asynchronous). */
  private readonly running = new Map<string, number>();
  private readonly debouncer = new Debouncer(DEBOUNCE_MS, BURST_GAP_MS);

  constructor(
    private readonly connection: Connection,
    private readonly sources: AppSpecSources,
    private readonly settings: () => ServerSettings,
    private readonly cache?: AnalysisCache,
    /** Present only while the client watches files, so cached answers are dropped on every change. */
    private readonly fileCache: () => RevisionFileCache | undefined = () => undefined,
  ) {}

  /** Validates soon (debounced); any validation of this URI still running is abandoned. */
  schedule(uri: string): void {
    const generation = this.bump(uri);
    this.debouncer.schedule(uri, () => void this.run(uri, generation), this.running.has(uri));
  }

  scheduleAll(): void {
    for (const uri of this.sources.all()) this.schedule(uri);
  }

  /** Clears a URI's diagnostics and stops its pending work. */
  clear(uri: string): void {
    this.bump(uri);
    this.debouncer.cancel(uri);
    this.shown.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Clears every URI that no longer counts as an AppSpec (after the file patterns changed). */
  clearWhere(stopped: (uri: string) => boolean): void {
    for (const uri of [...this.shown]) if (stopped(uri)) this.clear(uri);
  }

  dispose(): void {
    this.debouncer.dispose();
  }

  private bump(uri: string): number {
    const next = (this.generations.get(uri) ?? 0) + 1;
    this.generations.set(uri, next);
    return next;
  }

  private async run(uri: string, generation: number): Promise<void> {
    const stale = () => this.generations.get(uri) !== generation;
    this.running.set(uri, generation);
    try {
      const source = await this.sources.read(uri);
      if (stale()) return;
      if (!source) {
        this.shown.delete(uri);
        void this.connection.sendDiagnostics({ uri, diagnostics: [] });
        return;
      }
      const settings = this.settings();
      const open = this.sources.openDocument(uri);
      const analysis = await validateAppSpec(source.text, {
        format: formatFromPath(uriPath(uri)),
        platform: settings.platform === 'auto' ? undefined : settings.platform,
        severity: settings.severity,
        files: revisionFilesFor(uri, stale, this.fileCache()),
        // Closed files are read once per change on disk; only open ones are edited piece by piece.
        parser: open ? this.cache?.parserFor(uri) : undefined,
      });
      if (stale()) return;
      if (open && open.version === source.version) this.cache?.remember(open, analysis);
      this.shown.add(uri);
      void this.connection.sendDiagnostics({ uri, version: source.version, diagnostics: analysis.diagnostics.map(toLspDiagnostic) });
    } catch (error) {
      if (error instanceof ValidationCancelled || stale()) return;
      this.connection.console.error(`Validating ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    } finally {
      if (this.running.get(uri) === generation) this.running.delete(uri);
    }
  }
}

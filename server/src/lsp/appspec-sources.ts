import { promises as fs } from 'node:fs';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AppSpecSelector } from './appspec-selector';
import { filePathOf } from './revision-files';

/** The text of an AppSpec to validate, with the editor's version when it is open. */
export interface AppSpecSource {
  uri: string;
  text: string;
  version?: number;
}

/** Largest AppSpec read from disk; bigger files are not AppSpecs and would only cost memory. */
const MAX_DISK_BYTES = 4 * 1024 * 1024;

/**
 * Every AppSpec the server knows: the open ones (text from the editor) and the ones found in the
 * workspace but not open (text from disk), so the Problems panel covers both.
 */
export class AppSpecSources {
  private readonly onDisk = new Set<string>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly selector: AppSpecSelector,
  ) {}

  isAppSpec(uri: string): boolean {
    return this.selector.matches(uri);
  }

  /** The open document, when it is an AppSpec. */
  openDocument(uri: string): TextDocument | undefined {
    const document = this.documents.get(uri);
    return document && this.isAppSpec(uri) ? document : undefined;
  }

  addOnDisk(uri: string): void {
    this.onDisk.add(uri);
  }

  removeOnDisk(uri: string): void {
    this.onDisk.delete(uri);
  }

  hasOnDisk(uri: string): boolean {
    return this.onDisk.has(uri);
  }

  /** Open AppSpecs and AppSpecs on disk, each once. */
  all(): string[] {
    const open = this.documents.keys().filter((uri) => this.isAppSpec(uri));
    return [...new Set([...open, ...this.onDisk])];
  }

  /** Forgets disk AppSpecs that no longer match the patterns (after a settings change). */
  prune(): string[] {
    const dropped = [...this.onDisk].filter((uri) => !this.isAppSpec(uri));
    for (const uri of dropped) this.onDisk.delete(uri);
    return dropped;
  }

  async read(uri: string): Promise<AppSpecSource | undefined> {
    const open = this.openDocument(uri);
    if (open) return { uri, text: open.getText(), version: open.version };
    const file = this.onDisk.has(uri) ? filePathOf(uri) : undefined;
    if (!file) return undefined;
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile() || stat.size > MAX_DISK_BYTES) return undefined;
      return { uri, text: await fs.readFile(file, 'utf8') };
    } catch {
      return undefined;
    }
  }
}

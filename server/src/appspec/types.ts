/** Zero-based line and UTF-16 character offset, exactly as LSP counts them. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A user's choice for one code: a severity, or `off` to drop it. */
export type SeverityOverride = Severity | 'off';

/** The three CodeDeploy compute platforms; each reads a different AppSpec shape. */
export type Platform = 'ec2' | 'ecs' | 'lambda';

export const PLATFORM_NAMES: Readonly<Record<Platform, string>> = {
  ec2: 'EC2/On-Premises',
  ecs: 'Amazon ECS',
  lambda: 'AWS Lambda',
};

/** Data a quick fix needs; every field is optional so each fix provider reads what it knows. */
export interface FixData {
  /** Replacement text for the diagnostic's range ("did you mean"). */
  replacement?: string;
  /** Revision-relative path of the file a fix acts on (create, chmod, convert line endings). */
  path?: string;
  /** Free-form values for fixes that need more, e.g. the platform's template name. */
  [key: string]: string | number | boolean | undefined;
}

export interface AppSpecDiagnostic {
  /** Stable kebab-case code; see codes.ts and docs/rules.md. */
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  data?: FixData;
}

/** What the engine learns about one path of the revision. */
export interface FileStat {
  kind: 'file' | 'directory' | 'other';
  /** Owner-executable bit (always true where the file system has none). */
  executable: boolean;
  size: number;
  /** True when the path resolves, through links, to somewhere outside the revision root. */
  outsideRoot: boolean;
}

/**
 * The engine's only window on files. Paths are POSIX-style and relative to the revision root
 * (the folder holding the AppSpec); implementations resolve them against the real root, a
 * `workspace.fs` folder or a bundle's entry list.
 */
export interface FileAccess {
  stat(relativePath: string): Promise<FileStat | undefined>;
  /** At most `maxBytes` of the file, decoded as UTF-8; undefined when it cannot be read. */
  readText(relativePath: string, maxBytes: number): Promise<string | undefined>;
  /** Entry names of a directory (not recursive), or undefined when it is not one. */
  list(relativeDirectory: string): Promise<Array<{ name: string; kind: FileStat['kind'] }> | undefined>;
}

export type AppSpecFormat = 'yaml' | 'json';

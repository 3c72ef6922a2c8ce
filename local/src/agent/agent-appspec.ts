import type { FileExistsBehavior } from './types';

/** What the agent reads from an EC2/On-Premises AppSpec: plain values, no YAML nodes. */

export interface ScriptSpec {
  /** As written, trimmed; always relative to the revision root. */
  location: string;
  timeoutSeconds: number;
  runas?: string;
  sudo: boolean;
}

export interface FileSpec {
  source: string;
  destination: string;
}

export type ObjectType = 'file' | 'directory';

export interface PermissionSpec {
  object: string;
  /** `**` (the default) matches everything below `object`; anything else only its immediate children. */
  pattern: string;
  except: string[];
  types: ObjectType[];
  /** Permission bits, already read as octal (`"0755"` → 0o755). */
  mode?: number;
  owner?: string;
  group?: string;
  /** The `acls` entries as written (applied only by a real agent). */
  acls: string[];
  hasContext: boolean;
}

export interface AgentAppSpec {
  os: string;
  hooks: Map<string, ScriptSpec[]>;
  files: FileSpec[];
  permissions: PermissionSpec[];
  fileExistsBehavior?: FileExistsBehavior;
}

/** The agent's parser refused the AppSpec; the event that read it fails with UnknownError and this message. */
export class AppSpecRejectedError extends Error {
  override readonly name = 'AppSpecRejectedError';
}

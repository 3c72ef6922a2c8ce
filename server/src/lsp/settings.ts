import type { Platform, SeverityOverride } from '../appspec/types';

/** The `codedeploy.*` settings the language server reads. */
export interface ServerSettings {
  /** Extra glob patterns (beyond appspec.{yml,yaml,json}) naming AppSpec files. */
  filePatterns: string[];
  platform: 'auto' | Platform;
  severity: Record<string, SeverityOverride>;
}

export const DEFAULT_SETTINGS: ServerSettings = { filePatterns: [], platform: 'auto', severity: {} };

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);
const PLATFORMS = new Set(['auto', 'ec2', 'ecs', 'lambda']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads the `codedeploy` section as VS Code sends it (nested objects) or as other clients send it
 * (dotted keys); anything malformed falls back to the default instead of failing validation.
 */
export function readSettings(section: unknown): ServerSettings {
  if (!isRecord(section)) return DEFAULT_SETTINGS;
  const appspec = isRecord(section.appspec) ? section.appspec : {};
  const diagnostics = isRecord(section.diagnostics) ? section.diagnostics : {};
  const patterns = appspec.filePatterns ?? section['appspec.filePatterns'];
  const platform = appspec.platform ?? section['appspec.platform'];
  const severity = diagnostics.severity ?? section['diagnostics.severity'];
  return {
    filePatterns: Array.isArray(patterns) ? patterns.filter((p): p is string => typeof p === 'string' && p.trim() !== '') : [],
    platform: typeof platform === 'string' && PLATFORMS.has(platform) ? (platform as ServerSettings['platform']) : 'auto',
    severity: isRecord(severity)
      ? Object.fromEntries(Object.entries(severity).filter((entry): entry is [string, SeverityOverride] => typeof entry[1] === 'string' && SEVERITIES.has(entry[1])))
      : {},
  };
}

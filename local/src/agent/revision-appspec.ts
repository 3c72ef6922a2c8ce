import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { AppSpecRejectedError, type AgentAppSpec } from './agent-appspec';
import { readAgentAppSpec } from './read-appspec';

/** The deployment's AppSpec file name (the API's default; the local endpoint sets no other). */
export const APPSPEC_FILE_NAME = 'appspec.yml';

/**
 * Reads the AppSpec of an unpacked revision. E-LOC-2: hook events look only for the deployment's
 * file name; Install falls back to appspec.yaml, so a bundle with only appspec.yaml fails at
 * BeforeInstall, exactly as on an instance.
 */
export async function readRevisionAppSpec(revisionDir: string, os: string, installFallback: boolean): Promise<AgentAppSpec> {
  const names = installFallback ? [APPSPEC_FILE_NAME, 'appspec.yaml'] : [APPSPEC_FILE_NAME];
  for (const name of names) {
    let text: string;
    try {
      text = await fs.readFile(path.join(revisionDir, name), 'utf8');
    } catch {
      continue;
    }
    return readAgentAppSpec(text, name, os);
  }
  throw new AppSpecRejectedError(`The CodeDeploy agent did not find an AppSpec file within the unpacked revision directory at revision-relative path "${APPSPEC_FILE_NAME}".`);
}

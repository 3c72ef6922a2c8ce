import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CODE_SERVER_ENTRY } from './paths';
import { freePort } from './free-port';

/** Fresh per-run folders, so runs never share state with each other or with the user's own code-server. */
export interface CodeServerDirs {
  userData: string;
  extensions: string;
  /** Holds code-server's config file and XDG data, which would otherwise land in the home folder. */
  home: string;
  log: string;
}

/** User settings for a quiet, deterministic workbench: no welcome page, no word-based suggestions. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'security.workspace.trust.enabled': false,
  'editor.wordBasedSuggestions': 'off',
  'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
  'update.mode': 'none',
  // VS Code for the Web saves after a delay by default; tests type into the fixture and must not write it.
  'files.autoSave': 'off',
  // The fixture workspaces live inside this repository; the prompt to open it would cover the view.
  'git.openRepositoryInParentFolders': 'never',
};

/** Creates the per-run folders under `runDir` and writes the user settings. */
export function prepareDirs(runDir: string): CodeServerDirs {
  fs.rmSync(runDir, { recursive: true, force: true });
  const dirs: CodeServerDirs = {
    userData: path.join(runDir, 'user-data'),
    extensions: path.join(runDir, 'extensions'),
    home: path.join(runDir, 'home'),
    log: path.join(runDir, 'code-server.log'),
  };
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.mkdirSync(dirs.extensions, { recursive: true });
  fs.mkdirSync(dirs.home, { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  // An explicit config file keeps code-server from writing ~/.config/code-server/config.yaml.
  fs.writeFileSync(path.join(dirs.home, 'config.yaml'), 'auth: none\ncert: false\n');
  return dirs;
}

function baseArgs(dirs: CodeServerDirs): string[] {
  return [
    CODE_SERVER_ENTRY,
    '--config', path.join(dirs.home, 'config.yaml'),
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
  ];
}

function childEnv(dirs: CodeServerDirs, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...process.env, XDG_DATA_HOME: path.join(dirs.home, 'data'), XDG_CONFIG_HOME: path.join(dirs.home, 'config'), ...extra };
}

/** Installs a packaged extension offline into the run's extensions folder. */
export function installExtension(dirs: CodeServerDirs, vsix: string): void {
  const run = spawnSync(process.execPath, [...baseArgs(dirs), '--install-extension', vsix], {
    env: childEnv(dirs, {}),
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  fs.appendFileSync(dirs.log, `--- install-extension ${path.basename(vsix)}\n${output}`);
  if (run.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`code-server --install-extension failed (exit ${run.status ?? run.signal}):\n${output}`);
  }
}

/** A running code-server on a free loopback port; stop() ends it and every process it started. */
export class CodeServer {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  /** Starts code-server on `folder` and resolves once it listens (rejects with its log if it exits or stalls). */
  static async start(dirs: CodeServerDirs, folder: string, extraEnv: NodeJS.ProcessEnv = {}, timeoutMs = 60_000): Promise<CodeServer> {
    const port = await freePort();
    const log = fs.createWriteStream(dirs.log, { flags: 'a' });
    // detached: its own process group, so stop() also ends the extension host and pty host it spawns.
    const child = spawn(process.execPath, [...baseArgs(dirs), '--bind-addr', `127.0.0.1:${port}`, folder], {
      env: childEnv(dirs, extraEnv),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    child.once('exit', () => log.end());
    const server = new CodeServer(child, port);
    await new Promise<void>((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(() => fail(`code-server did not listen within ${timeoutMs / 1000} s`), timeoutMs);
      const onData = (chunk: Buffer): void => {
        seen += chunk.toString('utf8');
        if (seen.includes('HTTP server listening on')) {
          clearTimeout(timer);
          child.stdout?.off('data', onData);
          child.stderr?.off('data', onData);
          resolve();
        }
      };
      const fail = (reason: string): void => {
        clearTimeout(timer);
        server.stop();
        reject(new Error(`${reason}; its output:\n${seen.slice(-3000)}`));
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('error', (error) => fail(`code-server could not start: ${error.message}`));
      child.once('exit', (code, signal) => fail(`code-server exited early (${code ?? signal})`));
    });
    return server;
  }

  /** The workbench URL for `folder`, with optional extra query parameters. */
  url(folder: string, query: Record<string, string> = {}): string {
    const params = new URLSearchParams({ folder, ...query });
    return `http://127.0.0.1:${this.port}/?${params.toString()}`;
  }

  /** Ends code-server and its children (its own process group). */
  stop(): void {
    if (this.child.exitCode !== null || this.child.signalCode !== null || this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }

  /** Resolves when the process has exited (after stop()), killing it hard after `graceMs`. */
  async stopped(graceMs = 5_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const pid = this.child.pid;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        if (pid !== undefined) {
          try {
            process.kill(-pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }
        resolve();
      }, graceMs);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

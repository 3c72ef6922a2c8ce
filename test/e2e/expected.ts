/**
 * What a user must see for the fixture workspace `fixtures/broken-ec2`: shared by the browser checks
 * (Problems panel, suggest widget) and the in-extension-host mocha suite so both assert the same facts.
 */

/** The fixture workspace the e2e runs open, relative to the repository root. */
export const FIXTURE_WORKSPACE = 'test/e2e/fixtures/broken-ec2';

/** The AppSpec inside the fixture workspace. */
export const FIXTURE_APPSPEC = 'appspec.yml';

/** One diagnostic the fixture must produce: stable code, 1-based line (as the Problems panel shows it), default severity. */
export interface ExpectedDiagnostic {
  code: string;
  line: number;
  severity: 'error' | 'warning' | 'information' | 'hint';
  /** Why the fixture line is wrong, for failure messages. */
  because: string;
}

export const EXPECTED_DIAGNOSTICS: readonly ExpectedDiagnostic[] = [
  { code: 'invalid-os', line: 2, severity: 'error', because: '`os: Linux` must be lower case' },
  { code: 'unknown-hook', line: 11, severity: 'warning', because: '`AfterInstal` is a misspelled AfterInstall' },
  { code: 'script-not-found', line: 14, severity: 'warning', because: 'scripts/start_server.sh is not in the revision' },
];

/** The edit a user makes to fix the `os` problem: the last word of line 2 becomes `linux`. */
export const OS_FIX = { line: 2, code: 'invalid-os', replacement: 'linux' };

/**
 * Where to ask for completion: a new line typed just above `  ApplicationStart:` (1-based line 13),
 * inside `hooks:` at the indentation of a hook name, with a prefix no word in the file starts with, so
 * only the language server (not VS Code's word-based suggestions) can offer the hook name.
 */
export const COMPLETION_PROBE = {
  insertAboveLine: 13,
  indent: '  ',
  prefix: 'Valid',
  expected: ['ValidateService'],
};

/** Hook names not yet in the file that the server must offer with no prefix at the same position. */
export const EXPECTED_HOOK_NAMES: readonly string[] = ['AfterInstall', 'ApplicationStop', 'ValidateService'];

/** The extension's identifier (publisher.name in package.json). */
export const EXTENSION_ID = 'codedeploy-vscode.codedeploy-vscode';

/** Env var naming the file the in-extension-host suite writes its results to. */
export const SUITE_RESULTS_ENV = 'CODEDEPLOY_E2E_RESULTS';

/** What the in-extension-host suite reports to the harness, out of band. */
export interface SuiteResults {
  passed: number;
  failed: number;
  skipped: number;
  tests: Array<{ title: string; state: 'passed' | 'failed' | 'skipped'; error?: string }>;
}

/** Formats diagnostics as sorted `line:code:severity` keys, so sets compare as one readable string. */
export function diagnosticKeys(diagnostics: ReadonlyArray<Pick<ExpectedDiagnostic, 'code' | 'line' | 'severity'>>): string[] {
  return diagnostics.map((d) => `${d.line}:${d.code}:${d.severity}`).sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10) || a.localeCompare(b));
}

/**
 * "CodeDeploy: New AppSpec File" as a user runs it: the title in the Command Palette, the label in the
 * explorer's folder context menu, the platform picked in its quick pick and a line only that platform's
 * template has. `emptyFolder` is created (empty) in the UI run's workspace copy before the window opens,
 * so the command has a folder without an AppSpec to write into; the root already has one.
 */
export const NEW_APPSPEC = {
  paletteTitle: 'CodeDeploy: New AppSpec File',
  menuLabel: 'New AppSpec File',
  platformLabel: 'AWS Lambda',
  templateMarker: 'AWS::Lambda::Function',
  emptyFolder: 'lambda-revision',
  existingMessage: 'CodeDeploy: this folder already has an AppSpec: appspec.yml',
  /** A file of the fixture opened first, so the AppSpec's editor becoming active is the command's doing. */
  otherFile: 'configure.sh',
  /** A line of the fixture's AppSpec no template has, to tell its editor from a new one. */
  fixtureMarker: 'AfterInstal:',
  /** Typed at the end of line 1 (`version: 0.0`) to make a known error, then undone. */
  probeEdit: { line: 1, typed: '.1', code: 'invalid-version' },
};

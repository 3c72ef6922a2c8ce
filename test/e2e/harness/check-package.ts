import * as assert from 'node:assert/strict';
import { zipEntryNames } from './zip-entries';

/** What the .vsix must hold: the two bundles the extension runs, and its manifest. */
const REQUIRED = ['extension/package.json', 'extension/dist/extension.js', 'extension/dist/server.js'];

/** What must never ship: sources, tests, dependency trees, local state (the allow-list in .vscodeignore). */
const FORBIDDEN = /^extension\/(node_modules|client|server|local|test|out|bench|scripts|\.vscode-test|test-results|\.local-codedeploy)\//;

/** Checks the packaged .vsix: the bundles are in, and nothing outside .vscodeignore's allow-list is. */
export function checkPackageContents(vsix: string): void {
  const names = zipEntryNames(vsix);
  for (const required of REQUIRED) assert.ok(names.includes(required), `${required} is missing from the .vsix; it holds: ${names.join(', ')}`);
  assert.deepEqual(names.filter((name) => FORBIDDEN.test(name)), [], 'the .vsix ships files outside the allow-list');
}

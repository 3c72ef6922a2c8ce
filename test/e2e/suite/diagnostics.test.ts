import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXPECTED_DIAGNOSTICS, EXTENSION_ID, diagnosticKeys } from '../expected';
import { asShown, openFixtureAppSpec, waitForDiagnostics } from './appspec-document';

describe('AppSpec diagnostics in the extension host', () => {
  it('activates the extension when the workspace holds an appspec.yml', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    await openFixtureAppSpec();
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('publishes exactly the expected diagnostics for the broken AppSpec', async () => {
    const editor = await openFixtureAppSpec();
    const expected = diagnosticKeys(EXPECTED_DIAGNOSTICS);
    const matches = (current: vscode.Diagnostic[]): boolean => diagnosticKeys(current.map(asShown)).join() === expected.join();
    // Wait for the exact set (a publish for an older version of the text may come first), then assert for the diff.
    const diagnostics = await waitForDiagnostics(editor.document.uri, matches).catch(() => vscode.languages.getDiagnostics(editor.document.uri));
    assert.deepEqual(diagnosticKeys(diagnostics.map(asShown)), expected);
  });

  it('gives every diagnostic a message that says what is wrong', async () => {
    const editor = await openFixtureAppSpec();
    const diagnostics = await waitForDiagnostics(editor.document.uri, (current) => current.length > 0);
    for (const diagnostic of diagnostics) {
      assert.ok(diagnostic.message.trim().length > 10, `diagnostic ${asShown(diagnostic).code} has a too short message: ${diagnostic.message}`);
    }
  });
});

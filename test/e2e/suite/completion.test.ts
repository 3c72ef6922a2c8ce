import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMPLETION_PROBE, EXPECTED_HOOK_NAMES } from '../expected';
import { openFixtureAppSpec, revertActiveEditor, waitForDiagnostics } from './appspec-document';

describe('AppSpec completion in the extension host', () => {
  // Leave the fixture as it was for the next test: drop the unsaved probe line.
  afterEach(revertActiveEditor);

  it('offers hook names on a new line inside hooks:', async () => {
    const editor = await openFixtureAppSpec();
    // Diagnostics prove the language server is up before we ask it for completion.
    await waitForDiagnostics(editor.document.uri, (current) => current.length > 0);
    const line = COMPLETION_PROBE.insertAboveLine - 1;
    const inserted = await editor.edit((edit) => edit.insert(new vscode.Position(line, 0), `${COMPLETION_PROBE.indent}\n`));
    assert.equal(inserted, true, 'could not insert the probe line');
    const position = new vscode.Position(line, COMPLETION_PROBE.indent.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    for (const name of EXPECTED_HOOK_NAMES) {
      assert.ok(labels.includes(name), `completion inside hooks: lacks ${name}; offered: ${labels.slice(0, 30).join(', ')}`);
    }
  });
});

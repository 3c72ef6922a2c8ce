import * as assert from 'node:assert/strict';
import { analyzeAppSpec } from '../../../../server/src/appspec/analyze';
import { appSpecTemplate, codeActions, complete, documentSymbols, hover, referenceAt, revisionReferences, semanticTokens } from '../../../../server/src/appspec/features/index';

/** Half-typed and hostile shapes a document passes through while someone edits it. */
const DOCUMENTS = [
  '',
  '\u0000binary',
  '['.repeat(300),
  'a: b: c',
  '- - -',
  '{',
  '{"hooks": {"A": [',
  'hooks:\n  A:\n    - location:\n',
  'hooks: [1, 2]\n',
  'Resources: [1, {a: }]\nHooks: [x, {y: }]\n',
  'version: 0.0\nos: linux\nhooks:\n  AfterInstall: &a\n    - location: x\n  B: *a\n',
  '? [a]\n: b\n',
  'hooks:\n  ? [x]\n  : y\n',
  'files:\n  - source: \n    destination:\n',
  'permissions:\n  - mode: 0999\n    context: 5\n',
  appSpecTemplate('ec2'),
  appSpecTemplate('ecs'),
  appSpecTemplate('lambda'),
];

describe('editor features on malformed documents', () => {
  it('never throw, at any cursor position, in YAML or JSON', async () => {
    let positions = 0;
    for (const text of DOCUMENTS) {
      for (const format of ['yaml', 'json'] as const) {
        const analysis = analyzeAppSpec(text, { format });
        documentSymbols(analysis);
        semanticTokens(analysis);
        revisionReferences(analysis);
        codeActions(analysis.diagnostics.map((d) => ({ ...d, severity: 1 as const, source: 'codedeploy' })), { uri: 'file:///r/appspec.yml', analysis, fileFixes: true });
        const lines = text.split('\n');
        for (let line = 0; line <= lines.length; line++) {
          for (let character = 0; character <= (lines[line] ?? '').length + 1; character++) {
            await complete(text, analysis, { line, character });
            hover(analysis, { line, character });
            referenceAt(analysis, { line, character });
            positions++;
          }
        }
      }
    }
    assert.ok(positions > 1000);
  });
});

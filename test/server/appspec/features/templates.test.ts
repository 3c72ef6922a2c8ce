import * as assert from 'node:assert/strict';
import { appSpecTemplate, snippetToText } from '../../../../server/src/appspec/features/templates';
import type { Platform } from '../../../../server/src/appspec/types';
import { diagnose } from '../../../support/appspec';

describe('AppSpec templates', () => {
  for (const platform of ['ec2', 'ecs', 'lambda'] as Platform[]) {
    it(`gives a ${platform} template the engine detects as ${platform} and finds nothing wrong with`, () => {
      const text = appSpecTemplate(platform);
      assert.doesNotMatch(text, /\$\{|\$\d/, 'no snippet syntax left in the plain template');
      assert.deepEqual(diagnose(text), []);
    });
  }

  it('resolves tab stops to their defaults and choices to the first choice', () => {
    assert.equal(snippetToText('os: ${1|linux,windows|}\nx: ${2:default}$0'), 'os: linux\nx: default');
  });
});

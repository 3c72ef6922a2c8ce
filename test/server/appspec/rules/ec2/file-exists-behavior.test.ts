import * as assert from 'node:assert/strict';
import { expectAt, expectClean } from '../../../../support/appspec';

describe('ec2: file_exists_behavior', () => {
  it('rejects values other than the three upper-case words, suggesting the right one', () => {
    const [found] = expectAt('version: 0.0\nos: linux\nfile_exists_behavior: [[overwrite]]\n', 'invalid-file-exists-behavior', 'error');
    assert.equal(found.data?.replacement, 'OVERWRITE');
    expectAt('version: 0.0\nos: linux\nfile_exists_behavior: [[REPLACE]]\n', 'invalid-file-exists-behavior', 'error');
  });

  it('warns that it is ignored inside a files entry, instead of calling it an unknown key', () => {
    const text = 'version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /srv\n    [[file_exists_behavior]]: OVERWRITE\n';
    const [found] = expectAt(text, 'misplaced-file-exists-behavior', 'warning');
    assert.match(found.message, /top level: file_exists_behavior: OVERWRITE/);
    expectAt(text.replace(/\[\[|\]\]/g, ''), 'unknown-key', 'warning');
  });

  it('explains that `overwrite: true` in a files entry does nothing', () => {
    const [found] = expectAt('version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /srv\n    [[overwrite]]: true\n', 'unknown-key', 'warning');
    assert.match(found.message, /file_exists_behavior: OVERWRITE/);
  });

  it('accepts the three values, null and a placeholder', () => {
    for (const value of ['DISALLOW', 'OVERWRITE', 'RETAIN', '', '"${FILE_EXISTS}"']) expectClean(`version: 0.0\nos: linux\nfile_exists_behavior: ${value}\n`);
  });
});

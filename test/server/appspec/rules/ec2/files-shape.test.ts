import * as assert from 'node:assert/strict';
import { expectAt, expectClean } from '../../../../support/appspec';

describe('ec2: files entries (schema)', () => {
  it('warns about unknown keys with the nearest known name, and requires source and destination', () => {
    const text = 'version: 0.0\nos: linux\nfiles:\n  - [[sources]]: /\n    [[destinations]]: /srv\n';
    const found = expectAt(text, 'unknown-key', 'warning');
    assert.deepEqual(found.map((d) => d.data?.replacement), ['source', 'destination']);
  });

  it('rejects files written as a mapping or a list of strings', () => {
    expectAt('version: 0.0\nos: linux\nfiles:\n  [[source: /\n  destination: /srv]]\n', 'invalid-type', 'error');
    expectAt('version: 0.0\nos: linux\nfiles:\n  - [[app.jar]]\n', 'invalid-type', 'error');
  });

  it('accepts the usual shapes, with CRLF, a BOM, comments and no final newline', () => {
    expectClean('\ufeffversion: 0.0\r\nos: linux\r\n# copy everything\r\nfiles:\r\n  - source: /\r\n    destination: /var/www/html # web root\r\n  - source: .\r\n    destination: /opt/app');
  });
});

import * as assert from 'node:assert/strict';
import { AppSpecRejectedError } from '../../../local/src/agent/agent-appspec';
import { readAgentAppSpec } from '../../../local/src/agent/read-appspec';

const read = (text: string, os = 'linux') => readAgentAppSpec(text, 'appspec.yml', os);

function rejects(text: string, reason: RegExp): void {
  assert.throws(() => read(text), (error: unknown) => error instanceof AppSpecRejectedError && reason.test(error.message));
}

describe('local agent: reading the AppSpec as the agent does', () => {
  it('converts timeout with Ruby\'s to_i and defaults it to 3600', () => {
    const spec = read('version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: "30s"\n    - location: " b.sh "\n      timeout: 1.9\n    - location: c.sh\n');
    assert.deepEqual(spec.hooks.get('AfterInstall')?.map((script) => [script.location, script.timeoutSeconds]), [['a.sh', 30], ['b.sh', 1], ['c.sh', 3600]]);
  });

  it('reads timeout: false as the default, as `(timeout || 3600)` does and as the editor says', () => {
    const spec = read('version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: false\n');
    assert.deepEqual(spec.hooks.get('AfterInstall')?.map((script) => script.timeoutSeconds), [3600]);
  });

  it('rejects what the agent\'s parser rejects, with the file name in the message', () => {
    rejects('version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: five minutes\n', /appspec\.yml.*timeout/);
    rejects('version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - timeout: 30\n', /location/);
    rejects('version: 0.0\nos: linux\nhooks:\n  AfterInstall: scripts/a.sh\n', /list/);
    rejects('version: 0.0\nos: linux\nfile_exists_behavior: overwrite\n', /file_exists_behavior/i);
    rejects('version: 0.0\nos: linux\npermissions:\n  - object: /opt\n    mode: 0755\n', /octal/);
    rejects('version: 0.0\nos: linux\npermissions:\n  - object: /opt\n    mode: 644.0\n', /644\.0/);
    rejects('version: 0.0\nos: linux\npermissions:\n  - object: /opt\n    type: [symlink]\n', /symlink/);
    rejects('version: "0.0"\nos: linux\n', /version/);
    rejects('hooks:\n\tAfterInstall: []\n', /appspec\.yml/);
  });

  it('reads modes from their decimal digits, so an unquoted 0644 becomes 420', () => {
    const spec = read('version: 0.0\nos: linux\npermissions:\n  - object: /a\n    mode: 0644\n  - object: /b\n    mode: "0755"\n  - object: /c\n    mode: 7\n');
    assert.deepEqual(spec.permissions.map((permission) => permission.mode), [0o420, 0o755, 0o007]);
  });

  it('reads a JSON AppSpec through the same YAML loader', () => {
    const spec = read('{"version": 0.0, "os": "linux", "files": [{"source": "/", "destination": "/srv/app"}]}');
    assert.deepEqual(spec.files, [{ source: '/', destination: '/srv/app' }]);
  });

  it('accepts only its own platform\'s os', () => {
    assert.equal(read('version: 0.0\nos: windows\n', 'windows').os, 'windows');
    rejects('version: 0.0\nos: windows\n', /not supported by this instance's agent, which runs on linux/);
  });
});

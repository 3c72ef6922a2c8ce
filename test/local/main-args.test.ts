import * as assert from 'node:assert/strict';
import { parseArgs } from '../../local/src/main-args';

describe('local endpoint: command line', function () {
  it('reads every option', function () {
    assert.deepEqual(parseArgs(['--port', '4599', '--s3-port', '0', '--data', 'state', '--instances', '3', '--time-scale', '0.01', '--faults', 'throttle=0.1']), {
      port: 4599,
      s3Port: 0,
      data: 'state',
      instances: 3,
      timeScale: 0.01,
      faults: 'throttle=0.1',
    });
    assert.deepEqual(parseArgs([]), {});
  });

  it('refuses unknown options and bad numbers with a usage line', function () {
    assert.throws(() => parseArgs(['--host', '0.0.0.0']), /unknown or incomplete option: --host \(usage:/);
    assert.throws(() => parseArgs(['--instances', 'two']), /--instances needs a non-negative integer/);
    assert.throws(() => parseArgs(['--port']), /--port needs a non-negative integer/);
  });
});

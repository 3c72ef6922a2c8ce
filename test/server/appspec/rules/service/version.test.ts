import * as assert from 'node:assert/strict';
import { expectAt, expectClean } from '../../../../support/appspec';

const LAMBDA_BODY = 'Resources:\n  - fn:\n      Type: AWS::Lambda::Function\n      Properties: {Name: f, Alias: live, CurrentVersion: "1", TargetVersion: "2"}\n';
const LAMBDA_JSON_BODY = '"Resources": [{"fn": {"Type": "AWS::Lambda::Function", "Properties": {"Name": "f", "Alias": "live", "CurrentVersion": "1", "TargetVersion": "2"}}}]';

describe('ecs/lambda: version (ECS-1, LAM-1)', () => {
  it('accepts 0.0, 0 and, unlike the EC2 agent, the quoted "0.0"', () => {
    for (const version of ['0.0', '0', '"0.0"', "'0.0'"]) expectClean(`version: ${version}\n${LAMBDA_BODY}`);
    expectClean(`{"version": "0.0", ${LAMBDA_JSON_BODY}}`, { format: 'json' });
  });

  it('accepts a placeholder version', () => {
    expectClean(`version: "\${APPSPEC_VERSION}"\n${LAMBDA_BODY}`);
  });

  it('reports other versions at the value, offering 0.0', () => {
    for (const version of ['1', '1.0', "'1.0.0'", '0.1']) {
      const [found] = expectAt(`version: [[${version}]]\n${LAMBDA_BODY}`, 'invalid-version', 'error');
      assert.equal(found.data?.replacement, '0.0');
    }
    expectAt(`{"version": [[1]], ${LAMBDA_JSON_BODY}}`, 'invalid-version', 'error', { format: 'json' });
  });

  it('reports a missing version at the start of the file', () => {
    expectAt(`[[]]${LAMBDA_BODY}`, 'missing-version', 'error');
    const [json] = expectAt(`{[[]]${LAMBDA_JSON_BODY}}`, 'missing-version', 'error', { format: 'json' });
    assert.equal(json.data?.replacement, '"version": 0.0, ', 'the fix inserts a JSON member inside the brace');
  });
});

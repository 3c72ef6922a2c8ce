import * as assert from 'node:assert/strict';
import { codes, diagnose } from '../../support/appspec';

describe('analyze: one verdict per problem', () => {
  it('keeps the syntax error and drops rule findings about what the parser recovered on that line', () => {
    const found = diagnose('version: 0.0\nResources:\n  - TargetService:service\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: <TASK_DEFINITION>\n');
    assert.deepEqual([...new Set(codes(found))], ['yaml-syntax']);
  });

  it('still reports rule findings on lines the parser read', () => {
    const found = diagnose('version: 1\nos: linux\nhooks:\n  BeforeInstall:\n    - location: a.sh\n  AfterInstall: [\n');
    assert.ok(codes(found).includes('yaml-syntax'));
    assert.ok(codes(found).includes('invalid-version'), JSON.stringify(found));
  });
});

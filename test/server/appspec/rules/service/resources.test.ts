import * as assert from 'node:assert/strict';
import { diagnose, expectAt, expectClean } from '../../../../support/appspec';

const fn = (name: string) => `${name}:\n      Type: AWS::Lambda::Function\n      Properties: {Name: ${name}, Alias: live, CurrentVersion: "1", TargetVersion: "2"}`;

describe('ecs/lambda: resource count (ECS-3, LAM-2)', () => {
  it('accepts exactly one resource', () => {
    expectClean(`version: 0.0\nResources:\n  - ${fn('a')}\n`);
  });

  it('reports every resource after the first, where it is', () => {
    const found = expectAt(`version: 0.0\nResources:\n  - ${fn('a')}\n  - [[${fn('b')}]]\n  - [[${fn('c')}]]\n`, 'resource-count', 'error');
    assert.match(found[0].message, /resource 2 of 3/);
  });

  it('reports a second ECS service in JSON', () => {
    const service = '{"TargetService": {"Type": "AWS::ECS::Service", "Properties": {"TaskDefinition": "<TASK_DEFINITION>", "LoadBalancerInfo": {"ContainerName": "web", "ContainerPort": 80}}}}';
    const [found] = expectAt(`{"version": 0.0, "Resources": [${service}, [[${service}]]]}`, 'resource-count', 'error', { format: 'json' });
    assert.match(found.message, /TargetService/);
  });

  it('reports an empty Resources list', () => {
    // `[[[]]]` cannot be marked (the marker closes at the first `]]`), so the range is spelled out.
    const found = diagnose('version: 0.0\nResources: []\nHooks:\n  - AfterAllowTestTraffic: fn\n').filter((d) => d.code === 'resource-count');
    assert.deepEqual(found.map((d) => [d.severity, d.range]), [['error', { start: { line: 1, character: 11 }, end: { line: 1, character: 13 } }]]);
  });
});

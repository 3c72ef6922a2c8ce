import * as assert from 'node:assert/strict';
import { expectAt } from '../../../../support/appspec';

const RESOURCES = 'Resources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: <TASK_DEFINITION>\n        LoadBalancerInfo: {ContainerName: web, ContainerPort: 80}\n';

describe('ecs/lambda: EC2 sections (ECS-2)', () => {
  it('warns about os, files and permissions in an ECS AppSpec', () => {
    expectAt(`version: 0.0\n[[os]]: linux\n[[files]]:\n  - source: /\n    destination: /code\n${RESOURCES}`, 'ignored-section', 'warning');
  });

  it('warns about an EC2 hooks mapping and points to the Hooks list', () => {
    const [found] = expectAt(`version: 0.0\n${RESOURCES}[[hooks]]:\n  BeforeInstall:\n    - location: a.sh\n`, 'ignored-section', 'warning');
    assert.match(found.message, /Hooks` list/);
  });

  it('warns in JSON too', () => {
    expectAt('{"version": 0.0, [["files"]]: [{"source": "/", "destination": "/code"}], "Resources": [{"fn": {"Type": "AWS::Lambda::Function", "Properties": {"Name": "f", "Alias": "a", "CurrentVersion": "1", "TargetVersion": "2"}}}]}', 'ignored-section', 'warning', { format: 'json' });
  });
});

import * as assert from 'node:assert/strict';
import { expectAt, expectClean } from '../../../../support/appspec';

describe('ecs/lambda: key case (ECS-12, LAM-6)', () => {
  it('reads lower-case resources, type and properties but asks for the documented spelling', () => {
    const found = expectAt('version: 0.0\n[[resources]]:\n  - TargetService:\n      [[type]]: AWS::ECS::Service\n      [[properties]]:\n        TaskDefinition: <TASK_DEFINITION>\n        LoadBalancerInfo: {ContainerName: web, ContainerPort: 80}\n[[hooks]]:\n  - BeforeInstall: fn\n', 'key-case', 'warning');
    assert.deepEqual(found.map((d) => d.data?.replacement), ['Resources', 'Type', 'Properties', 'Hooks']);
  });

  it('reads the lower-case Lambda properties of the documentation, and still checks them', () => {
    const text = '{"version": 0.0, "Resources": [{"fn": {"Type": "AWS::Lambda::Function", "Properties": {[["name"]]: "f", [["alias"]]: "live", [["currentversion"]]: "1", [["targetversion"]]: "2"}}}]}';
    const found = expectAt(text, 'key-case', 'warning', { format: 'json' });
    assert.deepEqual(found.map((d) => d.data?.replacement), ['"Name"', '"Alias"', '"CurrentVersion"', '"TargetVersion"'], 'JSON keys keep their quotes');
    expectAt('version: 0.0\nResources:\n  - fn:\n      Type: AWS::Lambda::Function\n      Properties: {Name: f, Alias: live, currentversion: "1", targetversion: [["$LATEST"]]}\n', 'invalid-lambda-version', 'error');
  });

  it('leaves the documented spelling alone', () => {
    expectClean('version: 0.0\nResources:\n  - fn:\n      Type: AWS::Lambda::Function\n      Properties: {Name: f, Alias: live, CurrentVersion: "1", TargetVersion: "2"}\n');
  });
});

import * as assert from 'node:assert/strict';
import { expectAt, expectClean } from '../../../support/appspec';

const PROPERTIES = '        TaskDefinition: <TASK_DEFINITION>\n        LoadBalancerInfo: {ContainerName: web, ContainerPort: 80}\n';

describe('ECS and Lambda schemas in the structural layer', () => {
  it('reports a missing Resources at the first key, naming it', () => {
    const [found] = expectAt('[[version]]: 0.0\nHooks:\n  - AfterAllowTestTraffic: fn\n', 'missing-resources', 'error');
    assert.match(found.message, /Resources/);
    expectAt('{[["version"]]: 0.0, "Hooks": [{"BeforeInstall": "fn"}]}', 'missing-resources', 'error', { format: 'json' });
  });

  it('suggests the documented name for a misspelled property, top-level key or lower-case ECS property', () => {
    const [property] = expectAt(`version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n${PROPERTIES}        [[PlatfromVersion]]: LATEST\n`, 'unknown-key', 'warning');
    assert.equal(property.data?.replacement, 'PlatformVersion');
    const [top] = expectAt(`version: 0.0\n[[Hoks]]: []\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n${PROPERTIES}`, 'unknown-key', 'warning');
    assert.equal(top.data?.replacement, 'Hooks');
    const [json] = expectAt('{"version": 0.0, "Resources": [{"fn": {"Type": "AWS::Lambda::Function", "Properties": {"Name": "f", [["Alais"]]: "a", "CurrentVersion": "1", "TargetVersion": "2"}}}]}', 'unknown-key', 'warning', { format: 'json' });
    assert.equal(json.data?.replacement, '"Alias"', 'a JSON key keeps its quotes');
  });

  it('accepts placeholders where values belong, also where a list or a number is expected', () => {
    expectClean('version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: ${task_arn}\n        LoadBalancerInfo: {ContainerName: "{{NAME}}", ContainerPort: <CONTAINER_PORT>}\n        NetworkConfiguration:\n          AwsvpcConfiguration: {Subnets: "${subnets}", SecurityGroups: ["${sg}"], AssignPublicIp: $$PUBLIC_IP$$}\n');
  });

  it('reports an empty subnet ID', () => {
    expectAt('version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n' + PROPERTIES + '        NetworkConfiguration:\n          AwsvpcConfiguration: {Subnets: [ [[""]] ], SecurityGroups: [sg-1], AssignPublicIp: ENABLED}\n', 'invalid-value', 'error');
  });

  it('reports a resource without Type or Properties at its name', () => {
    const found = expectAt('version: 0.0\nResources:\n  - [[fn]]:\n      Properties: {Name: f, Alias: live, CurrentVersion: "1", TargetVersion: "2"}\n', 'missing-key', 'error');
    assert.match(found[0].message, /Type/);
  });

  it('can be told the platform instead of detecting it', () => {
    expectAt('version: 0.0\n[[Resources]]:\n  - fn:\n      Type: AWS::ECS::Service\n      Properties:\n' + PROPERTIES, 'ignored-section', 'warning', { platform: 'ec2' });
  });
});

import * as assert from 'node:assert/strict';
import { expectAt, expectClean } from '../../../../support/appspec';

/** An ECS AppSpec with `extra` lines appended under Properties (8 spaces). */
const ecs = (extra = '', port = '80') => `version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: <TASK_DEFINITION>\n        LoadBalancerInfo:\n          ContainerName: web\n          ContainerPort: ${port}\n${extra}`;
const ecsJson = (properties: string) => `{"version": 0.0, "Resources": [{"TargetService": {"Type": "AWS::ECS::Service", "Properties": {"TaskDefinition": "arn:aws:ecs:us-east-1:111111111111:task-definition/web:3", ${properties}}}}]}`;

describe('ecs: properties (ECS-5..9)', () => {
  it('accepts an appspec.json with tabs, CRLF and no final newline', () => {
    expectClean(ecsJson('\r\n\t"LoadBalancerInfo": {"ContainerName": "web", "ContainerPort": 80}\r\n'), { format: 'json' });
  });

  it('accepts the full documented shape', () => {
    expectClean(ecs('        PlatformVersion: LATEST\n        NetworkConfiguration:\n          AwsvpcConfiguration:\n            Subnets: [subnet-1, subnet-2]\n            SecurityGroups: [sg-1]\n            AssignPublicIp: DISABLED\n        CapacityProviderStrategy:\n          - {Base: 1, CapacityProvider: FARGATE, Weight: 1}\n          - {CapacityProvider: FARGATE_SPOT, Weight: 3}\n'));
  });

  it('accepts a task definition file path, placeholders, a numeric string port and a null PlatformVersion', () => {
    expectClean(ecs('        PlatformVersion:\n').replace('<TASK_DEFINITION>', 'deploy/task-definition.json'));
    expectClean(ecs('', '"8080"'));
    expectClean(ecs('', '"<CONTAINER_PORT>"'));
    expectClean(ecs('', '${CONTAINER_PORT}'));
    expectClean(ecsJson('"LoadBalancerInfo": {"ContainerName": "{{NAME}}", "ContainerPort": "$$PORT$$"}'), { format: 'json' });
  });

  it('reports a port out of range or not a number', () => {
    for (const port of ['0', '65536', '"http"', 'ContainerPort']) expectAt(ecs('', `[[${port}]]`), 'invalid-container-port', 'error');
    expectAt(ecsJson('"LoadBalancerInfo": {"ContainerName": "web", "ContainerPort": [[70000]]}'), 'invalid-container-port', 'error', { format: 'json' });
  });

  it('reports a missing TaskDefinition, LoadBalancerInfo, ContainerName and ContainerPort', () => {
    const [task] = expectAt('version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      [[Properties]]:\n        LoadBalancerInfo: {ContainerName: web, ContainerPort: 80}\n', 'missing-property', 'error');
    assert.match(task.message, /TaskDefinition/);
    expectAt(ecsJson('[["LoadBalancerInfo"]]: {"ContainerName": "web"}'), 'missing-property', 'error', { format: 'json' });
  });

  it('reports LoadBalancerInfo written as a list', () => {
    expectAt(ecs().replace('          ContainerName: web\n          ContainerPort: 80\n', '          [[- ContainerName: web\n            ContainerPort: 80]]\n'), 'invalid-type', 'error');
  });

  it('reports an empty TaskDefinition', () => {
    expectAt(ecs().replace('<TASK_DEFINITION>', '[[""]]'), 'invalid-value', 'error');
  });

  it('reports an AwsvpcConfiguration with only some of its three settings', () => {
    const [found] = expectAt(ecs('        NetworkConfiguration:\n          [[AwsvpcConfiguration]]:\n            Subnets: [subnet-1]\n'), 'incomplete-network-configuration', 'error');
    assert.match(found.message, /SecurityGroups, AssignPublicIp/);
    expectAt(ecsJson('"LoadBalancerInfo": {"ContainerName": "web", "ContainerPort": 80}, "NetworkConfiguration": {[["AwsvpcConfiguration"]]: {"AssignPublicIp": "ENABLED"}}'), 'incomplete-network-configuration', 'error', { format: 'json' });
  });

  it('reports an AssignPublicIp other than ENABLED or DISABLED, with the nearest', () => {
    const network = (value: string) => ecs(`        NetworkConfiguration:\n          AwsvpcConfiguration:\n            Subnets: [subnet-1]\n            SecurityGroups: [sg-1]\n            AssignPublicIp: ${value}\n`);
    const [found] = expectAt(network('[[Enabled]]'), 'invalid-assign-public-ip', 'error');
    assert.equal(found.data?.replacement, 'ENABLED');
    expectAt(network('[[true]]'), 'invalid-assign-public-ip', 'error');
    expectClean(network('"${assign_public_ip}"'));
    const [json] = expectAt(ecsJson('"LoadBalancerInfo": {"ContainerName": "web", "ContainerPort": 80}, "NetworkConfiguration": {"AwsvpcConfiguration": {"Subnets": ["s"], "SecurityGroups": ["g"], "AssignPublicIp": [["disabled"]]}}'), 'invalid-assign-public-ip', 'error', { format: 'json' });
    assert.equal(json.data?.replacement, '"DISABLED"');
  });

  it('leaves strategies with placeholders alone', () => {
    expectClean(ecs('        CapacityProviderStrategy:\n          - {Base: "${base_a}", CapacityProvider: FARGATE, Weight: "${weight_a}"}\n          - {Base: "${base_b}", CapacityProvider: FARGATE_SPOT}\n'));
  });

  it('reports two providers setting Base, and several providers that all weigh 0', () => {
    expectAt(ecs('        CapacityProviderStrategy:\n          - {Base: 1, CapacityProvider: FARGATE, Weight: 1}\n          - {[[Base]]: 2, CapacityProvider: FARGATE_SPOT, Weight: 1}\n'), 'invalid-capacity-provider-strategy', 'error');
    expectAt(ecs('        [[CapacityProviderStrategy]]:\n          - {CapacityProvider: FARGATE}\n          - {CapacityProvider: FARGATE_SPOT, Weight: 0}\n'), 'invalid-capacity-provider-strategy', 'error');
    expectAt(ecsJson('"LoadBalancerInfo": {"ContainerName": "web", "ContainerPort": 80}, [["CapacityProviderStrategy"]]: [{"CapacityProvider": "A"}, {"CapacityProvider": "B"}]'), 'invalid-capacity-provider-strategy', 'error', { format: 'json' });
  });

  it('reports a resource Type other than AWS::ECS::Service', () => {
    expectAt(ecs().replace('Type: AWS::ECS::Service', 'Type: [[AWS::ECS::TaskSet]]'), 'invalid-resource-type', 'error');
  });
});

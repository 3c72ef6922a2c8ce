import * as assert from 'node:assert/strict';
import { expectAt, expectClean } from '../../../../support/appspec';

const ecs = (taskDefinition: string) => `version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: ${taskDefinition}\n        LoadBalancerInfo:\n          ContainerName: web\n          ContainerPort: 80\n`;
const ecsJson = (taskDefinition: string) => `{"version": 0.0, "Resources": [{"TargetService": {"Type": "AWS::ECS::Service", "Properties": {"TaskDefinition": ${taskDefinition}, "LoadBalancerInfo": {"ContainerName": "web", "ContainerPort": 80}}}}]}`;

describe('ecs: TaskDefinition (ECS-5)', () => {
  it('accepts an ARN, FAMILY:REVISION, placeholders and a task definition file for the GitHub Action', () => {
    for (const value of ['arn:aws:ecs:us-east-1:111111111111:task-definition/web:3', 'arn:aws:ecs:us-east-2:*:task-definition/stack:*', 'web:3', '<TASK_DEFINITION>', '"${task_arn}"', '$$TASK_DEF$$', '$TASK_DEFINITION_ARN', 'deploy/task-definition.json', 'taskdef.json']) {
      expectClean(ecs(value));
    }
    expectClean(ecsJson('"arn:aws-cn:ecs:cn-north-1:111111111111:task-definition/web"'), { format: 'json' });
  });

  it("reports another resource's ARN, naming what it is", () => {
    const [found] = expectAt(ecsJson('[["arn:aws:iam::111111111111:role/Deployer"]]'), 'invalid-task-definition', 'error', { format: 'json' });
    assert.match(found.message, /an iam role/);
    expectAt(ecs('[["arn:...."]]'), 'invalid-task-definition', 'error');
  });

  it("reports template prose left in place, such as AWS's [Your task definition arn]", () => {
    expectAt(ecs('[["[Your task definition arn]"]]'), 'invalid-task-definition', 'error');
  });

  it('reports a ContainerName that cannot name a container', () => {
    const text = ecs('web:1').replace('ContainerName: web', 'ContainerName: [["spring-petclinic-2.6.0.jar"]]');
    expectAt(text, 'invalid-value', 'error');
    expectClean(ecs('web:1').replace('ContainerName: web', 'ContainerName: "$CONTAINER_NAME"'));
  });
});

import * as assert from 'node:assert/strict';
import { expectAt, expectClean } from '../../../../support/appspec';

const ECS = 'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: <TASK_DEFINITION>\n        LoadBalancerInfo: {ContainerName: web, ContainerPort: 80}\n';
const LAMBDA = 'version: 0.0\nResources:\n  - fn:\n      Type: AWS::Lambda::Function\n      Properties: {Name: f, Alias: live, CurrentVersion: "1", TargetVersion: "2"}\n';
const LAMBDA_JSON = (hooks: string) => `{"version": 0.0, "Resources": [{"fn": {"Type": "AWS::Lambda::Function", "Properties": {"Name": "f", "Alias": "live", "CurrentVersion": "1", "TargetVersion": "2"}}}], "Hooks": ${hooks}}`;

describe('ecs/lambda: hooks (ECS-10, LAM-5)', () => {
  it('accepts every ECS event and both Lambda events', () => {
    expectClean(`${ECS}Hooks:\n  - BeforeInstall: a\n  - AfterInstall: b\n  - AfterAllowTestTraffic: c\n  - BeforeAllowTraffic: d\n  - AfterAllowTraffic: arn:aws:lambda:us-east-1:111111111111:function:e\n`);
    expectClean(`${LAMBDA}Hooks:\n  - BeforeAllowTraffic: CodeDeployHook_pre\n  - AfterAllowTraffic: CodeDeployHook_post\n`);
    expectClean(LAMBDA_JSON('[{"BeforeAllowTraffic": "CodeDeployHook_pre"}]'), { format: 'json' });
  });

  it('suggests the nearest event for a misspelling', () => {
    const [found] = expectAt(`${ECS}Hooks:\n  - [[Before Install]]: fn\n`, 'invalid-hook-event', 'error');
    assert.equal(found.data?.replacement, 'BeforeInstall');
    const [json] = expectAt(LAMBDA_JSON('[{[["AfterAlowTraffic"]]: "fn"}]'), 'invalid-hook-event', 'error', { format: 'json' });
    assert.equal(json.data?.replacement, '"AfterAllowTraffic"');
  });

  it('names ECS events in a Lambda AppSpec and EC2 events in an ECS one as such', () => {
    const [ecsEvent] = expectAt(`${LAMBDA}Hooks:\n  - [[BeforeInstall]]: fn\n`, 'invalid-hook-event', 'error');
    assert.match(ecsEvent.message, /Amazon ECS event/);
    const [ec2Event] = expectAt(`${ECS}Hooks:\n  - [[ApplicationStart]]: fn\n`, 'invalid-hook-event', 'error');
    assert.match(ec2Event.message, /EC2\/On-Premises event/);
    const [reserved] = expectAt(`${ECS}Hooks:\n  - [[AllowTraffic]]: fn\n`, 'invalid-hook-event', 'error');
    assert.match(reserved.message, /CodeDeploy itself/);
  });

  it("reports AWS's template `LifeCycleEvent` left in place", () => {
    const [found] = expectAt(`${LAMBDA}Hooks:\n    - [[LifeCycleEvent]]: "" # Specify a Lambda validation function\n`, 'invalid-hook-event', 'error');
    assert.match(found.message, /BeforeAllowTraffic or AfterAllowTraffic/);
  });

  it('reports a hook with no function, in YAML and JSON', () => {
    expectAt(`${LAMBDA}Hooks:\n  - BeforeAllowTraffic: [[""]]\n`, 'empty-hook-function', 'error');
    expectAt(LAMBDA_JSON('[{"AfterAllowTraffic": [[null]]}]'), 'empty-hook-function', 'error', { format: 'json' });
    expectAt(`${LAMBDA}Hooks:\n  - BeforeAllowTraffic:\n      [[- a\n      - b]]\n`, 'invalid-type', 'error');
    expectAt(`${LAMBDA}Hooks:\n  - BeforeAllowTraffic:\n      - a\n`, 'empty-hook-function', 'error');
  });

  it('reports Hooks written as a mapping (EC2 style) and items with two events', () => {
    expectAt(`${ECS}Hooks:\n  [[BeforeInstall: fn]]\n`, 'hook-entry-shape', 'error');
    expectAt(`${LAMBDA}Hooks:\n  - [[BeforeAllowTraffic: a\n    AfterAllowTraffic: b]]\n`, 'hook-entry-shape', 'error');
    expectAt(LAMBDA_JSON('[[{"BeforeAllowTraffic": "a"}]]'), 'hook-entry-shape', 'error', { format: 'json' });
  });

  it('warns about a Hooks key with nothing under it', () => {
    expectAt(`${ECS}[[Hooks]]:\n# - BeforeInstall: fn\n`, 'null-hooks', 'warning');
    expectAt(LAMBDA_JSON('null').replace('"Hooks"', '[["Hooks"]]'), 'null-hooks', 'warning', { format: 'json' });
  });
});

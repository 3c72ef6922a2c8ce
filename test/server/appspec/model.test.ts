import * as assert from 'node:assert/strict';
import { analyzeAppSpec } from '../../../server/src/appspec/analyze';
import { codes, dedent, diagnose, expectAt } from '../../support/appspec';

function platformOf(text: string, format: 'yaml' | 'json' = 'yaml'): string | undefined {
  return analyzeAppSpec(dedent(text), { format }).platform;
}

describe('model: platform detection', () => {
  it('tells EC2, ECS and Lambda apart by the resource Type', () => {
    assert.equal(platformOf('version: 0.0\nos: linux\n'), 'ec2');
    assert.equal(platformOf('version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n'), 'ecs');
    assert.equal(platformOf('{"version": 0.0, "Resources": [{"fn": {"Type": "AWS::Lambda::Function"}}]}', 'json'), 'lambda');
  });

  it('falls back to the properties, then to ECS-only hook events', () => {
    assert.equal(platformOf('version: 0.0\nResources:\n  - fn:\n      Properties: {Name: f, Alias: live}\n'), 'lambda');
    assert.equal(platformOf('version: 0.0\nResources:\n  - svc:\n      Properties: {TaskDefinition: x}\n'), 'ecs');
    assert.equal(platformOf('version: 0.0\nResources:\n  - x: {}\nHooks:\n  - AfterAllowTestTraffic: fn\n'), 'ecs');
  });

  it('reads lower-case `resources` and a Resources mapping (a missing dash) as a service AppSpec', () => {
    assert.equal(platformOf('version: 0.0\nresources:\n  - fn:\n      type: AWS::Lambda::Function\n'), 'lambda');
    assert.equal(platformOf('version: 0.0\nResources:\n  TargetService:\n    Type: AWS::ECS::Service\n    Properties: {TaskDefinition: x, LoadBalancerInfo: {ContainerName: a, ContainerPort: 80}}\n'), 'ecs');
  });

  it('reads a Hooks list without Resources as a service AppSpec that lacks its resource, but not an EC2 file', () => {
    assert.equal(platformOf('version: 0.0\nHooks:\n  - BeforeInstall: fn\n'), 'ecs');
    assert.equal(platformOf('version: 0.0\nos: linux\nHooks:\n  - BeforeInstall: fn\n'), 'ec2');
    assert.equal(platformOf('version: 0.0\nhooks:\n  - location: a.sh\n'), 'ec2');
  });
});

describe('model: files that are not AppSpecs', () => {
  it('gives a SAM template with a syntax error only the not-appspec verdict', () => {
    assert.deepEqual(codes(diagnose('//comment\n\nAWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n')), ['not-appspec']);
  });

  it('reports a Resources mapping of AppSpec resources as a shape error, not as a SAM template', () => {
    expectAt('version: 0.0\nResources:\n  [[TargetService:\n    Type: AWS::ECS::Service\n    Properties: {TaskDefinition: x, LoadBalancerInfo: {ContainerName: a, ContainerPort: 80}}]]\n', 'invalid-type', 'error');
    assert.deepEqual(codes(diagnose('Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: {Handler: index.handler}\n')), ['not-appspec']);
  });

  it('recognises a MoveApps manifest named appspec.json', () => {
    const [found] = expectAt('{"version": "1.2", [["settings"]]: [{"id": "a", "type": "STRING"}], "license": {"key": "MIT"}}', 'not-appspec', 'error', { format: 'json' });
    assert.match(found.message, /MoveApps/);
  });

  it('says what is missing from a mapping with no AppSpec key', () => {
    const [found] = expectAt('{[["ImageURI"]]: "x"}', 'not-appspec', 'error', { format: 'json' });
    assert.match(found.message, /none of the AppSpec keys/);
  });

  it('recognises a CreateDeployment request in JSON', () => {
    expectAt('{[["applicationName"]]: "app", "revision": {"revisionType": "AppSpecContent"}}', 'not-appspec', 'error', { format: 'json' });
  });
});

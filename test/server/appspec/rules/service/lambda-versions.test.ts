import * as assert from 'node:assert/strict';
import { expectAt, expectClean } from '../../../../support/appspec';

const lambda = (current: string, target: string) => `version: 0.0\nResources:\n  - fn:\n      Type: AWS::Lambda::Function\n      Properties:\n        Name: f\n        Alias: live\n        CurrentVersion: ${current}\n        TargetVersion: ${target}\n`;
const lambdaJson = (current: string, target: string) => `{"version": 0.0, "Resources": [{"fn": {"Type": "AWS::Lambda::Function", "Properties": {"Name": "f", "Alias": "live", "CurrentVersion": ${current}, "TargetVersion": ${target}}}}]}`;

describe('lambda: properties and versions (LAM-3, LAM-4)', () => {
  it('accepts a file with a BOM, CRLF line endings, comments and no final newline', () => {
    expectClean('\uFEFFversion: 0.0\r\n# deployed by the pipeline\r\nResources:\r\n  - fn: # the function\r\n      Type: AWS::Lambda::Function\r\n      Properties:\r\n        Name: f\r\n        Alias: live\r\n        CurrentVersion: "1"\r\n        TargetVersion: "2"\r\nHooks:\r\n  - BeforeAllowTraffic: CodeDeployHook_pre');
  });

  it('accepts quoted and bare version numbers and placeholders', () => {
    expectClean(lambda('"1"', '"2"'));
    expectClean(lambda('14', '15'));
    expectClean(lambda('"{{CURRENT_LAMBDA_VERSION}}"', '"{{TARGET_LAMBDA_VERSION}}"'));
    expectClean(lambdaJson('"3"', '"4"'), { format: 'json' });
  });

  it('refuses $LATEST, 0, "0.0" and empty versions', () => {
    const [latest] = expectAt(lambda('"1"', '[["$LATEST"]]'), 'invalid-lambda-version', 'error');
    assert.match(latest.message, /cannot be \$LATEST/);
    expectAt(lambda('[["0.0"]]', '[["0.0"]]'), 'invalid-lambda-version', 'error');
    expectAt(lambda('[[0]]', '"2"'), 'invalid-lambda-version', 'error');
    expectAt(lambdaJson('[[""]]', '"2"'), 'invalid-lambda-version', 'error', { format: 'json' });
  });

  it('warns when CurrentVersion and TargetVersion are the same', () => {
    expectAt(lambda('"1"', '[["1"]]'), 'same-lambda-version', 'warning');
    expectAt(lambdaJson('"2"', '[[2]]'), 'same-lambda-version', 'warning', { format: 'json' });
  });

  it('reports a function Name or Alias that Lambda cannot have', () => {
    expectAt(lambda('"1"', '"2"').replace('Name: f', 'Name: [["[Your function name]"]]'), 'invalid-value', 'error');
    expectAt(lambdaJson('"1"', '"2"').replace('"Alias": "live"', '"Alias": [["3"]]'), 'invalid-value', 'error', { format: 'json' });
    expectClean(lambda('"1"', '"2"').replace('Name: f', 'Name: arn:aws:lambda:us-east-1:111111111111:function:f').replace('Alias: live', 'Alias: "{{LAMBDA_ALIAS}}"'));
  });

  it('reports a missing Alias at Properties', () => {
    const [found] = expectAt('version: 0.0\nResources:\n  - fn:\n      Type: AWS::Lambda::Function\n      [[Properties]]:\n        Name: f\n        CurrentVersion: "1"\n        TargetVersion: "2"\n', 'missing-property', 'error');
    assert.match(found.message, /Alias/);
  });

  it('reports a resource Type other than AWS::Lambda::Function', () => {
    expectAt(lambda('"1"', '"2"').replace('AWS::Lambda::Function', '[[AWS::Serverless::Function]]'), 'invalid-resource-type', 'error');
    expectAt(lambdaJson('"1"', '"2"').replace('"AWS::Lambda::Function"', '[["AWS::Lambda::Alias"]]'), 'invalid-resource-type', 'error', { format: 'json' });
  });

  it('reports a resource whose Type and Properties are not indented under its name', () => {
    expectAt('version: 0.0\nResources:\n  - [[fn:\n    Type: AWS::Lambda::Function\n    Properties: {Name: f, Alias: live, CurrentVersion: "1", TargetVersion: "2"}]]\n', 'resource-entry-shape', 'error');
    expectAt('{"version": 0.0, "Resources": [ [[{"fn": null, "Type": "AWS::Lambda::Function"}]] ]}', 'resource-entry-shape', 'error', { format: 'json' });
  });
});

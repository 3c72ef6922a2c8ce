import * as assert from 'node:assert/strict';
import { codes, diagnose, expectAt } from '../../../support/appspec';

describe('unrendered templates', () => {
  it('gives a Terraform template with %{ } directives one warning instead of its syntax errors', () => {
    const text = '{\n  "version": 0.0,\n  "Hooks": [\n    [[%{ if HOOKS }]]\n    {"AfterAllowTraffic": "${APP}-check"}\n    %{ endif }\n  ]\n}\n';
    expectAt(text, 'unrendered-template', 'warning', { format: 'json' });
    assert.deepEqual(codes(diagnose(text.replace(/\[\[|\]\]/g, ''), { format: 'json' })), ['unrendered-template']);
  });

  it('recognises placeholders in a YAML flow list and an unquoted JSON placeholder', () => {
    expectAt('version: 0.0\nResources:\n  - TargetService:\n      Properties:\n        NetworkConfiguration:\n          AwsvpcConfiguration:\n            Subnets: [ [[${subnets_a}]], ${subnets_b}]\n', 'unrendered-template', 'warning');
    expectAt('{"version": 0.0, "Resources": [{"TargetService": {"Properties": {"LoadBalancerInfo": {"ContainerPort": [[<CONTAINER_PORT>]]}}}}]}', 'unrendered-template', 'warning', { format: 'json' });
  });

  it('leaves syntax errors without a placeholder to the syntax check', () => {
    assert.deepEqual(codes(diagnose('version: 0.0\nResources:\n  - TargetService:service\n      Type: AWS::ECS::Service\n')).filter((code) => code === 'unrendered-template'), []);
  });
});

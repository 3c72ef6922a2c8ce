import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { EXTRA_SCHEMAS } from '../../../../server/src/appspec/schema/platform-schemas';

const repoRoot = path.resolve(__dirname, '../../../../..');

/** The dispatching schema as another tool sees it: the written file, in a plain ajv. */
function plainValidator(): (value: unknown) => { valid: boolean; errors: string[] } {
  const written = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas', 'appspec.schema.json'), 'utf8'));
  const validate = new Ajv({ strict: false, allowUnionTypes: true, allErrors: true }).compile(written);
  return (value) => ({ valid: validate(value) as boolean, errors: (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`) });
}

describe('schemas/appspec.schema.json (dispatching)', () => {
  for (const [file, schema] of Object.entries(EXTRA_SCHEMAS)) {
    it(`schemas/${file} is up to date with the engine (run npm run schemas)`, () => {
      const written = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas', file), 'utf8'));
      assert.deepEqual(written, JSON.parse(JSON.stringify(schema)));
    });
  }

  it('is self-contained: no embedded $id, every $ref inside the file', () => {
    const text = fs.readFileSync(path.join(repoRoot, 'schemas', 'appspec.schema.json'), 'utf8');
    const written = JSON.parse(text) as { definitions: Record<string, { $id?: string }> };
    for (const definition of Object.values(written.definitions)) assert.equal(definition.$id, undefined);
    for (const match of text.matchAll(/"\$ref": "([^"]*)"/g)) assert.match(match[1], /^#\/definitions\/(ec2|ecs|lambda)\b/);
  });

  it('validates an ECS AppSpec against the ECS schema', () => {
    const validate = plainValidator();
    const ecs = parse('version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: <TASK_DEFINITION>\n        LoadBalancerInfo: {ContainerName: web, ContainerPort: 80}\n');
    assert.deepEqual(validate(ecs).errors, []);
    const broken = { ...ecs, Resources: [{ TargetService: { Type: 'AWS::ECS::Service', Properties: { TaskDefinition: 'x' } } }] };
    assert.equal(validate(broken).valid, false);
  });

  it('validates a Lambda AppSpec against the Lambda schema', () => {
    const validate = plainValidator();
    const lambda = parse('version: 0.0\nResources:\n  - fn:\n      Type: AWS::Lambda::Function\n      Properties: {Name: f, Alias: live, CurrentVersion: "1", TargetVersion: "2"}\nHooks:\n  - BeforeAllowTraffic: CodeDeployHook_pre\n');
    assert.deepEqual(validate(lambda).errors, []);
    assert.equal(validate({ ...lambda, Hooks: [{ BeforeInstall: 'f' }] }).valid, false, 'BeforeInstall is an ECS event');
  });

  it('validates any other mapping against the EC2/On-Premises schema', () => {
    const validate = plainValidator();
    assert.deepEqual(validate({ version: 0, os: 'linux', files: [{ source: '/', destination: '/srv' }] }).errors, []);
    assert.equal(validate({ version: 0, os: 'linux', files: {} }).valid, false);
  });
});

import { ec2Schema } from './ec2-schema';
import type { AppSpecSchema } from './schema-types';
import { ecsSchema, lambdaSchema } from './service-schemas';

/**
 * A platform schema as a definition of the dispatching schema: without `$schema` and `$id`
 * (not every tool resolves an embedded `$id`), and with its local `#/definitions/x` references
 * rewritten to point inside the definition, so the result is self-contained for any consumer.
 */
function embedded(schema: AppSpecSchema, name: string): AppSpecSchema {
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value === null || typeof value !== 'object') return value;
    const result: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string' && child.startsWith('#/')) result[key] = `#/definitions/${name}/${child.slice(2)}`;
      else result[key] = rewrite(child);
    }
    return result;
  };
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rewrite(rest) as AppSpecSchema;
}

/** `Resources` (in either spelling) is present: the file is an ECS or Lambda AppSpec. */
const hasResources: AppSpecSchema = { anyOf: [{ required: ['Resources'] }, { required: ['resources'] }] };

/** Every resource looks like a Lambda function: its Type names Lambda, or its Properties carry an Alias. */
const lambdaResources: AppSpecSchema = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: {
      anyOf: [
        { type: 'object', required: ['Type'], properties: { Type: { type: 'string', pattern: 'Lambda|Serverless::Function' } } },
        { type: 'object', required: ['Properties'], properties: { Properties: { type: 'object', anyOf: [{ required: ['Alias'] }, { required: ['TargetVersion'] }] } } },
      ],
    },
  },
};

const isLambda: AppSpecSchema = {
  anyOf: [
    { required: ['Resources'], properties: { Resources: lambdaResources } },
    { required: ['resources'], properties: { resources: lambdaResources } },
  ],
};

/**
 * One schema for any AppSpec, for tools that take a single schema per file name (yaml-language-
 * server): it picks the platform from the content the way the engine's detectPlatform does, with
 * if/then, and validates against that platform's schema. Self-contained: the three platform
 * schemas are embedded as definitions.
 */
export const dispatchSchema: AppSpecSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://codedeploy-vscode.github.io/schemas/appspec.schema.json',
  title: 'AWS CodeDeploy AppSpec (EC2/On-Premises, Amazon ECS or AWS Lambda, chosen from the content)',
  description: 'A file with `Resources` is an Amazon ECS AppSpec, or an AWS Lambda one when its resource is AWS::Lambda::Function; any other file is an EC2/On-Premises AppSpec.',
  definitions: { ec2: embedded(ec2Schema, 'ec2'), ecs: embedded(ecsSchema, 'ecs'), lambda: embedded(lambdaSchema, 'lambda') },
  if: hasResources,
  then: { if: isLambda, then: { $ref: '#/definitions/lambda' }, else: { $ref: '#/definitions/ecs' } },
  else: { $ref: '#/definitions/ec2' },
};

import { hookableEventNames } from '../lifecycle';
import type { DiagnosticCode } from '../codes';
import type { AppSpecSchema } from './schema-types';

/*
 * Amazon ECS and AWS Lambda AppSpecs (appspec-rules.md §13, §14), validated by the CodeDeploy
 * service. The schema states the documented shape for other tools; where a semantic rule says it
 * better (version, event names, Lambda versions, casing) the part is marked `x-semantic` so the
 * engine reports it once, from the rule.
 *
 * Casing: the service documentation writes `Resources`/`Hooks`/`Type`/`Properties` and also,
 * in places, lower case (and `name`/`alias`/`currentversion`/`targetversion` for Lambda). The
 * lower-case spellings are described here with the same content, so files using them are still
 * checked; the key-case rule asks for the documented spelling.
 */

/** "Needs `name` (or its lower-case spelling)": an if/else so the lower-case key also satisfies it. */
function requiredEitherCase(name: string, code: DiagnosticCode): AppSpecSchema {
  const lower = name.toLowerCase();
  return {
    'x-semantic': true, // the if/else wrapper's own "must match then" error says nothing useful
    // ajv's strict mode wants every required key declared beside `required`.
    if: { properties: { [lower]: {} }, required: [lower] },
    else: { properties: { [name]: {} }, required: [name], 'x-required-codes': { [name]: code } },
  };
}

/** The same schema under a key's lower-case spelling, described as such. */
function lowerCaseSpelling(schema: AppSpecSchema, documented: string): AppSpecSchema {
  return { ...schema, description: `Lower-case spelling of \`${documented}\`; write \`${documented}\` as the documentation does. ${schema.description ?? ''}`.trim() };
}

/** Sections of an EC2/On-Premises AppSpec: accepted here (the ignored-section rule reports them). */
const EC2_SECTIONS: Record<string, AppSpecSchema> = {
  os: { description: 'EC2/On-Premises only; ignored in this AppSpec.', 'x-semantic': true },
  files: { description: 'EC2/On-Premises only; ignored in this AppSpec.', 'x-semantic': true },
  permissions: { description: 'EC2/On-Premises only; ignored in this AppSpec.', 'x-semantic': true },
  file_exists_behavior: { description: 'EC2/On-Premises only; ignored in this AppSpec.', 'x-semantic': true },
};

const version: AppSpecSchema = {
  description: 'The AppSpec version: 0.0 (the service also accepts the string "0.0").',
  enum: [0, '0.0'],
  'x-semantic': true,
};

const HOOK_SHAPE_MESSAGE = '`Hooks` is a list of single-key mappings, one per event: `- BeforeAllowTraffic: FunctionName`.';

/** A hook's function: a list or a number is a wrong type; nothing or "" is an empty hook (its own code). */
function functionName(event: string): AppSpecSchema {
  return {
    type: ['string', 'null'],
    description: `The Lambda function (name or ARN) CodeDeploy invokes at ${event}; it must report back with PutLifecycleEventHookExecutionStatus within one hour.`,
    'x-message': `${event} takes the name or ARN of one Lambda function.`,
    allOf: [
      {
        'x-semantic': true, // the if/then wrapper's own error repeats the one below
        if: { type: ['string', 'null'] },
        then: { type: 'string', minLength: 1, 'x-code': 'empty-hook-function', 'x-message': `${event} needs the name or ARN of the Lambda function to invoke.` },
      },
    ],
  };
}

/** `Hooks`: a list of `- EventName: FunctionName` items; event names are checked by the hooks rule. */
function hooks(platform: 'ecs' | 'lambda'): AppSpecSchema {
  const events = hookableEventNames(platform);
  return {
    type: ['array', 'null'],
    description: `Lambda functions to run at lifecycle events: ${events.join(', ')}.`,
    'x-code': 'hook-entry-shape',
    'x-message': HOOK_SHAPE_MESSAGE,
    items: {
      type: 'object',
      minProperties: 1,
      maxProperties: 1,
      'x-code': 'hook-entry-shape',
      'x-message': `Each item of \`Hooks\` is one \`EventName: FunctionName\` pair. ${HOOK_SHAPE_MESSAGE}`,
      allOf: [
        {
          'x-semantic': true, // unknown event names: the hooks rule reports them with "did you mean"
          properties: Object.fromEntries(events.map((event) => [event, functionName(event)])),
          additionalProperties: false,
        },
      ],
    },
  };
}

/** `Resources`: exactly one `- LogicalName: { Type, Properties }` item. */
function resources(type: string, properties: AppSpecSchema, what: string): AppSpecSchema {
  const typeSchema: AppSpecSchema = { enum: [type], description: `The resource type: ${type}.`, 'x-code': 'invalid-resource-type' };
  const body: AppSpecSchema = {
    type: 'object',
    description: `The ${what}: its Type and Properties.`,
    properties: {
      Type: typeSchema,
      Properties: properties,
      type: lowerCaseSpelling(typeSchema, 'Type'),
      properties: lowerCaseSpelling(properties, 'Properties'),
    },
    additionalProperties: false,
    allOf: [requiredEitherCase('Type', 'missing-key'), requiredEitherCase('Properties', 'missing-key')],
  };
  return {
    type: 'array',
    description: `The ${what} to deploy: a list with exactly one item.`,
    items: {
      type: 'object',
      description: `\`LogicalName:\` with the ${what}'s Type and Properties indented under it.`,
      minProperties: 1,
      maxProperties: 1,
      'x-code': 'resource-entry-shape',
      'x-message': `Each item of \`Resources\` is one \`Name:\` key with \`Type\` and \`Properties\` indented under it.`,
      additionalProperties: body,
    },
    allOf: [{ minItems: 1, maxItems: 1, 'x-semantic': true }], // the resources rule points at the extra items
  };
}

function topLevel(id: string, title: string, resourcesSchema: AppSpecSchema, hooksSchema: AppSpecSchema): AppSpecSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `https://codedeploy-vscode.github.io/schemas/${id}`,
    title,
    type: 'object',
    properties: {
      version,
      Resources: resourcesSchema,
      Hooks: hooksSchema,
      resources: lowerCaseSpelling(resourcesSchema, 'Resources'),
      // Lower-case `hooks` as a list is the service form misspelled; as a mapping it is an EC2 section (ignored-section).
      hooks: { description: 'Lower-case spelling of `Hooks` (or an EC2/On-Premises hooks mapping, which is ignored here).', 'x-semantic': true, if: { type: 'array' }, then: hooksSchema },
      ...EC2_SECTIONS,
    },
    additionalProperties: false,
    allOf: [requiredEitherCase('Resources', 'missing-resources')],
  };
}

const nonEmptyStrings = (what: string): AppSpecSchema => ({
  type: 'array',
  description: `${what} IDs.`,
  items: { type: 'string', minLength: 1, 'x-message': `Each item of \`${what}\` must be a non-empty ID.` },
});

const awsvpcConfiguration: AppSpecSchema = {
  type: 'object',
  description: 'The task network: give Subnets, SecurityGroups and AssignPublicIp together, or leave the whole section out to keep the service\'s settings.',
  properties: {
    Subnets: nonEmptyStrings('Subnets'),
    SecurityGroups: nonEmptyStrings('SecurityGroups'),
    AssignPublicIp: { enum: ['ENABLED', 'DISABLED'], description: 'Whether tasks get a public IP address.', 'x-code': 'invalid-assign-public-ip' },
  },
  additionalProperties: false,
};

const capacityProvider: AppSpecSchema = {
  type: 'object',
  properties: {
    Base: { type: 'integer', minimum: 0, maximum: 100000, description: 'Tasks that run on this provider first; only one item may set it.' },
    CapacityProvider: { type: 'string', minLength: 1, description: 'The capacity provider, e.g. FARGATE or FARGATE_SPOT.' },
    Weight: { type: 'integer', minimum: 0, maximum: 1000, description: 'Relative share of tasks after Base (default 0).' },
  },
  required: ['CapacityProvider'],
  additionalProperties: false,
};

const PORT_PATTERN = '^([1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])$';

const ecsProperties: AppSpecSchema = {
  type: 'object',
  description: 'The task definition and load balancer container of the replacement task set.',
  properties: {
    TaskDefinition: {
      type: 'string',
      minLength: 1,
      description: 'The task definition ARN (arn:aws:ecs:REGION:ACCOUNT:task-definition/FAMILY:REVISION), or a placeholder such as <TASK_DEFINITION> filled in by the pipeline.',
      'x-message': '`TaskDefinition` must name the task definition: its ARN, or a placeholder such as <TASK_DEFINITION> that the pipeline fills in.',
    },
    LoadBalancerInfo: {
      type: 'object',
      description: 'The container and port the load balancer routes traffic to.',
      'x-message': '`LoadBalancerInfo` must be a mapping with `ContainerName` and `ContainerPort` (not a list).',
      properties: {
        ContainerName: {
          type: 'string',
          pattern: '^[A-Za-z0-9_-]{1,255}$',
          description: 'A container of the task definition (letters, digits, - and _).',
          'x-message': '`ContainerName` must name a container of the task definition: up to 255 letters, digits, hyphens and underscores.',
        },
        ContainerPort: {
          type: ['integer', 'string'],
          minimum: 1,
          maximum: 65535,
          pattern: PORT_PATTERN,
          description: 'The container port traffic is routed to: 1 to 65535.',
          'x-code': 'invalid-container-port',
          'x-message': '`ContainerPort` must be the container\'s port, a whole number from 1 to 65535.',
        },
      },
      required: ['ContainerName', 'ContainerPort'],
      'x-required-codes': { ContainerName: 'missing-property', ContainerPort: 'missing-property' },
      additionalProperties: false,
    },
    PlatformVersion: { type: ['string', 'null'], description: 'The Fargate platform version (default LATEST).' },
    NetworkConfiguration: {
      type: 'object',
      description: 'The awsvpc network settings of the replacement tasks.',
      properties: { AwsvpcConfiguration: awsvpcConfiguration },
      additionalProperties: false,
    },
    CapacityProviderStrategy: {
      type: 'array',
      description: 'Capacity providers for the replacement task set: at most one sets Base, and at least one Weight is above 0.',
      items: capacityProvider,
    },
  },
  required: ['TaskDefinition', 'LoadBalancerInfo'],
  'x-required-codes': { TaskDefinition: 'missing-property', LoadBalancerInfo: 'missing-property' },
  additionalProperties: false,
};

const lambdaVersion = (what: string): AppSpecSchema => ({
  type: ['string', 'integer'],
  description: `${what}: a published version number such as "2" ($LATEST cannot be used).`,
  'x-semantic': true, // lambda-versions checks the value with a better message
});

const lambdaName = (description: string, pattern: string, message: string): AppSpecSchema => ({ type: 'string', pattern, description, 'x-message': message });

const LAMBDA_PROPERTIES: Record<string, AppSpecSchema> = {
  Name: lambdaName('The Lambda function: its name or ARN.', '^[A-Za-z0-9_:-]{1,170}$', '`Name` must be the function\'s name or ARN: letters, digits, hyphens and underscores (and the colons of an ARN).'),
  Alias: lambdaName('The alias whose traffic shifts from CurrentVersion to TargetVersion.', '^(?![0-9]+$)[A-Za-z0-9_-]{1,128}$', '`Alias` must be an alias name: up to 128 letters, digits, hyphens and underscores, not only digits.'),
  CurrentVersion: lambdaVersion('The version the alias points to now'),
  TargetVersion: lambdaVersion('The version the alias shifts to'),
};

const lambdaProperties: AppSpecSchema = {
  type: 'object',
  description: 'The function, its alias, and the versions traffic shifts between.',
  properties: {
    ...LAMBDA_PROPERTIES,
    ...Object.fromEntries(Object.entries(LAMBDA_PROPERTIES).map(([name, schema]) => [name.toLowerCase(), lowerCaseSpelling(schema, name)])),
  },
  additionalProperties: false,
  allOf: Object.keys(LAMBDA_PROPERTIES).map((name) => requiredEitherCase(name, 'missing-property')),
};

/** Amazon ECS AppSpec (appspec-rules.md §13): validated by the CodeDeploy service. */
export const ecsSchema: AppSpecSchema = topLevel('appspec-ecs.schema.json', 'AWS CodeDeploy AppSpec (Amazon ECS)', resources('AWS::ECS::Service', ecsProperties, 'ECS service'), hooks('ecs'));

/** AWS Lambda AppSpec (appspec-rules.md §14): validated by the CodeDeploy service. */
export const lambdaSchema: AppSpecSchema = topLevel('appspec-lambda.schema.json', 'AWS CodeDeploy AppSpec (AWS Lambda)', resources('AWS::Lambda::Function', lambdaProperties, 'Lambda function'), hooks('lambda'));

import type { AppSpecSchema } from './schema-types';

/** Amazon ECS AppSpec (appspec-rules.md §13): validated by the CodeDeploy service. */
export const ecsSchema: AppSpecSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://codedeploy-vscode.github.io/schemas/appspec-ecs.schema.json',
  title: 'AWS CodeDeploy AppSpec (Amazon ECS)',
  type: 'object',
};

/** AWS Lambda AppSpec (appspec-rules.md §14): validated by the CodeDeploy service. */
export const lambdaSchema: AppSpecSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://codedeploy-vscode.github.io/schemas/appspec-lambda.schema.json',
  title: 'AWS CodeDeploy AppSpec (AWS Lambda)',
  type: 'object',
};

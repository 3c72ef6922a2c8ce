import { isTemplated } from '../../placeholders';
import { asMap, fieldIgnoringCase, stringValue } from '../../yaml-nodes';
import { serviceRule } from '../rule';

/** arn:PARTITION:ecs:REGION:ACCOUNT:task-definition/FAMILY[:REVISION]; `*` kept for templates the deploy action fills in. */
const TASK_DEFINITION_ARN = /^arn:aws[\w-]*:ecs:[\w*-]*:[\d*]*:task-definition\/[\w*-]{1,255}(:[\d*]+)?$/;
/** A family with an optional revision, as ECS names them. */
const FAMILY = /^[\w-]{1,255}(:\d+)?$/;
/** A task definition file in the repository, which aws-actions/amazon-ecs-deploy-task-definition registers and substitutes. */
const FILE_PATH = /[/\\]|\.json$/i;

/** Why an ARN is not a task definition's, for the message: "an iam role ARN", "not a complete ARN". */
function describeArn(arn: string): string {
  const [, , service, , , resource] = arn.split(':');
  if (!service || resource === undefined) return 'not a complete ARN';
  return `the ARN of ${['a', 'e', 'i', 'o', 'u'].includes(service[0]) ? 'an' : 'a'} ${service} ${resource.split('/')[0] || 'resource'}, not of a task definition`;
}

/**
 * ECS-5: `TaskDefinition` names the task definition of the replacement task set. Accepted: its ARN,
 * FAMILY[:REVISION], a placeholder the pipeline fills in, or a task definition file path (the
 * GitHub Action replaces it). Another resource's ARN or template prose never deploys.
 */
export const taskDefinition = serviceRule('task-definition', ['ecs'], ({ model, report }) => {
  for (const resource of model.resources) {
    const properties = asMap(resource.properties?.value);
    const field = properties ? fieldIgnoringCase(properties, 'TaskDefinition') : undefined;
    const value = stringValue(field?.value)?.trim();
    if (!field || !value || isTemplated(value)) continue; // missing, empty or not a string: the structural layer reports it
    if (value.startsWith('arn:')) {
      if (TASK_DEFINITION_ARN.test(value)) continue;
      report('invalid-task-definition', field.value ?? field.key, `\`TaskDefinition\` is ${describeArn(value)}; give arn:aws:ecs:REGION:ACCOUNT:task-definition/FAMILY:REVISION or the placeholder <TASK_DEFINITION>.`);
    } else if (!FAMILY.test(value) && !FILE_PATH.test(value)) {
      report('invalid-task-definition', field.value ?? field.key, `\`TaskDefinition\` "${value}" is not a task definition ARN, FAMILY:REVISION, placeholder (<TASK_DEFINITION>) or task definition file; it looks like template text left in place.`);
    }
  }
});

import { defineCodes } from './code-info';

/** Amazon ECS and AWS Lambda AppSpec rules (validated by the CodeDeploy service). */
export const ecsLambdaCodes = defineCodes({
  'missing-resources': { severity: 'error', summary: 'An ECS or Lambda AppSpec needs a `Resources` list.' },
  'resource-count': { severity: 'error', summary: 'ECS and Lambda AppSpecs take exactly one resource.' },
  'invalid-resource-type': { severity: 'error', summary: 'The resource `Type` must be AWS::ECS::Service (ECS) or AWS::Lambda::Function (Lambda).' },
  'missing-property': { severity: 'error', summary: 'A required resource property is missing.' },
  'invalid-task-definition': { severity: 'error', summary: '`TaskDefinition` is neither a task definition ARN, FAMILY:REVISION, a placeholder nor a task definition file.' },
  'invalid-container-port': { severity: 'error', summary: '`ContainerPort` must be a port number from 1 to 65535.' },
  'incomplete-network-configuration': { severity: 'error', summary: '`AwsvpcConfiguration` needs Subnets, SecurityGroups and AssignPublicIp together, or none.' },
  'invalid-assign-public-ip': { severity: 'error', summary: '`AssignPublicIp` must be ENABLED or DISABLED.' },
  'invalid-capacity-provider-strategy': { severity: 'error', summary: 'A `CapacityProviderStrategy` the service rejects (several Base values, no Weight).' },
  'resource-entry-shape': { severity: 'error', summary: 'Each `Resources` item is one `Name:` key with Type and Properties indented under it.' },
  'invalid-hook-event': { severity: 'error', summary: 'A hook event name the platform does not have (ECS: BeforeInstall … AfterAllowTraffic; Lambda: BeforeAllowTraffic, AfterAllowTraffic).' },
  'null-hooks': { severity: 'warning', summary: '`Hooks:` with nothing under it (often every entry commented out); no hook runs.' },
  'hook-entry-shape': { severity: 'error', summary: 'ECS and Lambda `Hooks` are a list of single-key mappings: `- EventName: FunctionName`.' },
  'empty-hook-function': { severity: 'error', summary: 'A hook names no Lambda function.' },
  'invalid-lambda-version': { severity: 'error', summary: 'Lambda versions must be positive whole numbers ($LATEST cannot be shifted to).' },
  'same-lambda-version': { severity: 'warning', summary: 'CurrentVersion and TargetVersion are the same; the deployment shifts nothing.' },
  'key-case': { severity: 'warning', summary: 'A key written in another case than the documented one; the service may not read it.' },
});

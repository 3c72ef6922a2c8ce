import { fail } from '../server/api-error';

const NAME = /^[A-Za-z0-9.\-_+=,@]+$/;
const MAX_NAME = 100;

/** Checks a required resource name the way the service does: required, ≤ 100 characters, a safe alphabet. */
export function requireName(value: string | undefined, requiredError: string, invalidError: string, what: string): string {
  if (value === undefined || value === '') fail(requiredError, `${what} name is missing`);
  if (value.length > MAX_NAME || !NAME.test(value)) {
    fail(invalidError, `${what} name is invalid (1-100 characters from letters, digits and . _ + = , @ -): ${value}`);
  }
  return value;
}

/** Application name: ApplicationNameRequiredException / InvalidApplicationNameException. */
export function requireApplicationName(value: string | undefined): string {
  return requireName(value, 'ApplicationNameRequiredException', 'InvalidApplicationNameException', 'Application');
}

/** Deployment group name: DeploymentGroupNameRequiredException / InvalidDeploymentGroupNameException. */
export function requireGroupName(value: string | undefined): string {
  return requireName(value, 'DeploymentGroupNameRequiredException', 'InvalidDeploymentGroupNameException', 'Deployment group');
}

/** Deployment configuration name: DeploymentConfigNameRequiredException / InvalidDeploymentConfigNameException. */
export function requireConfigName(value: string | undefined): string {
  return requireName(value, 'DeploymentConfigNameRequiredException', 'InvalidDeploymentConfigNameException', 'Deployment config');
}

/** On-premises instance name: InstanceNameRequiredException / InvalidInstanceNameException. */
export function requireInstanceName(value: string | undefined): string {
  const name = requireName(value, 'InstanceNameRequiredException', 'InvalidInstanceNameException', 'Instance');
  // The name is also the instance's folder name: `.` and `..` would point outside the instances folder.
  if (/^\.+$/.test(name)) fail('InvalidInstanceNameException', `Instance name is invalid: ${name}`);
  return name;
}

/** Sorts names the way list calls return them. */
export function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

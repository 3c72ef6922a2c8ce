import type { Operations } from '../server/json-protocol';
import { applicationOperations } from './applications';
import type { ApiContext } from './context';
import { deploymentConfigOperations } from './deployment-configs';
import { deploymentGroupOperations } from './deployment-groups';
import { deploymentOperations } from './deployments';
import { onPremisesOperations } from './on-premises';
import { revisionOperations } from './revisions';
import { targetOperations } from './targets';

/** Every CodeDeploy operation the local endpoint answers, by its X-Amz-Target name. */
export function allOperations(context: ApiContext): Operations {
  return {
    ...applicationOperations(context),
    ...deploymentGroupOperations(context),
    ...deploymentConfigOperations(context),
    ...revisionOperations(context),
    ...deploymentOperations(context),
    ...targetOperations(context),
    ...onPremisesOperations(context),
  };
}

import type { DeploymentGroupInfo, InstanceInfo } from '@aws-sdk/client-codedeploy';
import { matchesTagFilter } from '../api/on-premises';

/**
 * The registered on-premises instances a group targets: with `onPremisesInstanceTagFilters` an
 * instance matching any filter; with `onPremisesTagSet` one matching some filter of every list.
 * A group without filters targets nothing, as in the service.
 */
export function selectInstances(group: DeploymentGroupInfo, instances: readonly InstanceInfo[]): InstanceInfo[] {
  const registered = instances.filter((instance) => !instance.deregisterTime);
  const filters = group.onPremisesInstanceTagFilters ?? [];
  const tagSet = group.onPremisesTagSet?.onPremisesTagSetList ?? [];
  const selected = registered.filter((instance) => {
    const tags = instance.tags ?? [];
    if (filters.length > 0) return filters.some((filter) => matchesTagFilter(tags, filter));
    if (tagSet.length > 0) return tagSet.every((list) => list.some((filter) => matchesTagFilter(tags, filter)));
    return false;
  });
  return selected.sort((a, b) => (a.instanceName! < b.instanceName! ? -1 : 1));
}

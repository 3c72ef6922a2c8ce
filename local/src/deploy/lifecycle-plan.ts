import { EC2_EVENTS } from '../../../server/src/appspec/lifecycle';

/**
 * The events an in-place EC2/On-premises deployment runs on each instance (appspec-rules.md §10.2):
 * the six traffic events only when the group routes traffic through a load balancer.
 */
export function serverEvents(withLoadBalancer: boolean): string[] {
  return EC2_EVENTS.filter((event) => withLoadBalancer || !event.traffic).map((event) => event.name);
}

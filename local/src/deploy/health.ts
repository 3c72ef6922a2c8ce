import type { DeploymentConfigInfo } from '@aws-sdk/client-codedeploy';
import { MOST_CONCURRENCY } from './predefined-configs';

/** How a configuration's minimum healthy hosts play out on a fleet of a given size. */
export interface HealthPlan {
  /** Instances that must stay healthy (not in flight, not failed). */
  minimumHealthy: number;
  /** OneAtATime's rule: any failure but on the last instance fails the deployment. */
  oneAtATime: boolean;
  /** Set when the configuration can never be met on this fleet. */
  invalid?: string;
}

/**
 * Reads minimumHealthyHosts the way the service documents it: HOST_COUNT is absolute, FLEET_PERCENT
 * rounds up (9 instances at 40 % keep 4 healthy, so 5 run at once), OneAtATime runs one at a time.
 */
export function planHealth(config: DeploymentConfigInfo, fleetSize: number): HealthPlan {
  const hosts = config.minimumHealthyHosts ?? { type: 'HOST_COUNT', value: 0 };
  if (hosts.type === MOST_CONCURRENCY) return { minimumHealthy: Math.max(fleetSize - 1, 0), oneAtATime: true };
  const value = hosts.value ?? 0;
  const minimumHealthy = hosts.type === 'FLEET_PERCENT' ? Math.ceil((fleetSize * value) / 100) : value;
  if (fleetSize - minimumHealthy < 1) {
    return {
      minimumHealthy,
      oneAtATime: false,
      invalid: `The deployment needs at least ${minimumHealthy} healthy instances (${hosts.type} ${value}) but the deployment group has ${fleetSize}, so no instance can be taken offline.`,
    };
  }
  return { minimumHealthy, oneAtATime: false };
}

export interface FleetCounts {
  total: number;
  pending: number;
  inFlight: number;
  succeeded: number;
  failed: number;
}

/** How many more instances may start now without dropping below the healthy minimum. */
export function startableCount(plan: HealthPlan, counts: FleetCounts): number {
  if (plan.oneAtATime) return counts.inFlight === 0 ? Math.min(1, counts.pending) : 0;
  const offline = counts.inFlight + counts.failed;
  return Math.max(0, Math.min(counts.pending, counts.total - plan.minimumHealthy - offline));
}

/** True when the failures so far make success impossible: the deployment stops here. */
export function cannotSucceed(plan: HealthPlan, counts: FleetCounts): boolean {
  if (plan.oneAtATime) return counts.failed > 0 && (counts.pending > 0 || counts.total === 1);
  return counts.total - counts.failed < Math.max(plan.minimumHealthy, 1);
}

/** The verdict once every instance has run. */
export function succeeded(plan: HealthPlan, counts: FleetCounts): boolean {
  if (plan.oneAtATime) return counts.total === 1 ? counts.succeeded === 1 : counts.failed <= 1 && counts.succeeded >= counts.total - 1;
  return counts.succeeded >= Math.max(plan.minimumHealthy, 1);
}

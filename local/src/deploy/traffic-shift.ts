import type { TrafficRoutingConfig } from '@aws-sdk/client-codedeploy';

/** One step of a traffic shift: the new version's share after waiting `waitMinutes` since the previous step. */
export interface ShiftStep {
  waitMinutes: number;
  percent: number;
}

/**
 * The shift schedule of a configuration: AllAtOnce is one step to 100 %; a canary shifts its
 * percentage, waits its interval, then the rest; linear adds its percentage every interval.
 */
export function shiftSchedule(config: TrafficRoutingConfig | undefined): ShiftStep[] {
  if (config?.type === 'TimeBasedCanary' && config.timeBasedCanary) {
    const { canaryPercentage = 10, canaryInterval = 0 } = config.timeBasedCanary;
    return [
      { waitMinutes: 0, percent: canaryPercentage },
      { waitMinutes: canaryInterval, percent: 100 },
    ];
  }
  if (config?.type === 'TimeBasedLinear' && config.timeBasedLinear) {
    const { linearPercentage = 10, linearInterval = 0 } = config.timeBasedLinear;
    const steps: ShiftStep[] = [];
    for (let percent = linearPercentage; ; percent += linearPercentage) {
      steps.push({ waitMinutes: steps.length === 0 ? 0 : linearInterval, percent: Math.min(percent, 100) });
      if (percent >= 100) break;
    }
    return steps;
  }
  return [{ waitMinutes: 0, percent: 100 }];
}

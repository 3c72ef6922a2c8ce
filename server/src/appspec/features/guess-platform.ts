import type { AppSpecAnalysis } from '../analyze';
import type { Platform } from '../types';

/**
 * The platform editor features work for: the user's override, else what the engine detected, else
 * a guess from the raw text (a half-typed file may not parse into a model), else undefined
 * (an empty file: offer every platform).
 */
export function guessPlatform(text: string, analysis: AppSpecAnalysis | undefined, override?: Platform): Platform | undefined {
  if (override) return override;
  if (analysis?.platform) return analysis.platform;
  if (/AWS::Lambda::Function|^\s*-?\s*(CurrentVersion|TargetVersion)\s*:/m.test(text)) return 'lambda';
  if (/AWS::ECS::Service|^\s*(TaskDefinition|LoadBalancerInfo)\s*:/m.test(text)) return 'ecs';
  if (/^(os|hooks|files|permissions|file_exists_behavior)\s*:/m.test(text)) return 'ec2';
  if (/^(Resources|Hooks)\s*:/m.test(text)) return 'ecs';
  return undefined;
}

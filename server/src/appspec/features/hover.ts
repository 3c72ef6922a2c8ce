import type { Hover } from 'vscode-languageserver-types';
import type { AppSpecAnalysis } from '../analyze';
import { DEFAULT_SCRIPT_TIMEOUT_SECONDS, LIFECYCLE_EVENT_LIMIT_SECONDS } from '../lifecycle';
import type { Platform, Position } from '../types';
import { isQuoted, isScalar, scalarSource, scalarValue } from '../yaml-nodes';
import { readTimeout } from '../agent-values';
import { describeMode } from './describe-mode';
import { describeEvent, describeScriptEnvironment } from './event-docs';
import { guessPlatform } from './guess-platform';
import { keySpecAt } from './key-tree';
import { nodeAt, type NodeAt } from './node-at';

/** Markdown for the key, hook name or value under the cursor. */
export function hover(analysis: AppSpecAnalysis, position: Position, override?: Platform): Hover | undefined {
  const { parsed } = analysis;
  const platform = guessPlatform(parsed.text, analysis, override) ?? 'ec2';
  const at = nodeAt(parsed.document, parsed.positions.offset(position));
  if (!at?.field) return undefined;
  const markdown = at.on === 'key' ? keyHover(platform, at) : valueHover(platform, at);
  if (!markdown) return undefined;
  const target = at.on === 'key' ? at.field.key : (at.scalar ?? at.field.value);
  const span = target?.range;
  return {
    contents: { kind: 'markdown', value: markdown },
    range: span ? parsed.positions.trimmedRange(span[0], span[1]) : undefined,
  };
}

function isEventKey(platform: Platform, at: NodeAt): boolean {
  const path = at.path.map((segment) => segment.toLowerCase());
  return platform === 'ec2' ? path.length === 1 && path[0] === 'hooks' : path.length === 2 && path[0] === 'hooks' && path[1] === '-';
}

function keyHover(platform: Platform, at: NodeAt): string | undefined {
  const name = at.field!.name;
  if (isEventKey(platform, at)) return describeEvent(platform, name) ?? `**${name}** is not a lifecycle event of this platform; ${platform === 'ec2' ? 'its scripts never run' : 'the service rejects it'}.`;
  const spec = keySpecAt(platform, at.path, name);
  if (!spec) return undefined;
  let text = `**${spec.name}**${spec.required ? ' (required)' : ''}\n\n${spec.doc}`;
  if (platform === 'ec2' && name === 'location' && at.path[0] === 'hooks') text += `\n\nThe script gets these environment variables:\n${describeScriptEnvironment()}`;
  if (spec.values) text += `\n\nValues: ${spec.values.map((value) => `\`${value.value}\``).join(', ')}`;
  return text;
}

function valueHover(platform: Platform, at: NodeAt): string | undefined {
  const field = at.field!;
  const node = at.scalar ?? field.value;
  const written = scalarSource(node) ?? '';
  const value = scalarValue(node);
  if (platform === 'ec2' && field.name === 'mode' && isScalar(node)) return describeMode(node);
  if (platform === 'ec2' && field.name === 'version' && at.path.length === 0 && isQuoted(node)) {
    return `The agent compares \`version\` as a **number** and rejects the string "${written}" (the documentation's "string" notwithstanding). Write \`version: 0.0\` without quotes.`;
  }
  if (platform === 'ec2' && field.name === 'timeout') {
    const reading = readTimeout(node);
    if (reading === 'crash') return `\`timeout: ${written}\` cannot be turned into seconds; the agent fails reading the AppSpec.`;
    if (reading === 'default') return `No timeout: the agent allows ${DEFAULT_SCRIPT_TIMEOUT_SECONDS} s.`;
    const seconds = reading.seconds;
    if (seconds <= 0) return `\`timeout: ${written}\` is not a positive number of seconds; the agent rejects it.`;
    const over = seconds > LIFECYCLE_EVENT_LIMIT_SECONDS ? ` That is more than the ${LIFECYCLE_EVENT_LIMIT_SECONDS} s the service allows one lifecycle event; the service stops it first.` : '';
    return `The agent kills the script after **${seconds} s** (${(seconds / 60).toFixed(seconds % 60 ? 1 : 0)} min). Default without \`timeout\`: ${DEFAULT_SCRIPT_TIMEOUT_SECONDS} s.${over}`;
  }
  if (isEventKey(platform, at) && platform !== 'ec2') return `Lambda function \`${written}\` runs at **${field.name}** and must report back with PutLifecycleEventHookExecutionStatus within one hour.`;
  if (platform === 'ec2' && field.name === 'location' && at.path[0] === 'hooks') return `Runs \`<revision root>/${written.trim().replace(/^\/+/, '')}\` on the instance. The path is always relative to the revision root.`;
  const spec = keySpecAt(platform, at.path, field.name);
  const known = spec?.values?.find((candidate) => candidate.value === String(value));
  if (known) return `\`${known.value}\`: ${known.doc}`;
  return spec ? `**${spec.name}**\n\n${spec.doc}` : undefined;
}

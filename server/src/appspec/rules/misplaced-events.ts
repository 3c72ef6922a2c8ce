import { isMap, isSeq } from 'yaml';
import { isLifecycleEventName } from '../lifecycle';
import type { ParsedAppSpec } from '../parse';
import type { FixData } from '../types';
import { fields, nodeSpan, type Field } from '../yaml-nodes';
import type { Rule } from './rule';

/**
 * `BeforeInstall:` at column 0 under an empty `hooks:` is the classic indentation slip: the file
 * is valid, the agent ignores the top-level key, and the event's scripts silently never run.
 */
export const misplacedEvents: Rule = {
  name: 'misplaced-events',
  platforms: ['ec2', 'ecs', 'lambda'],
  check({ model, parsed, report }) {
    const ec2 = model.platform === 'ec2';
    const hooksKey = ec2 ? 'hooks' : 'Hooks';
    const entries = fields(model.root);
    entries.forEach((field, index) => {
      if (!isLifecycleEventName(field.name)) return;
      const message = ec2
        ? `\`${field.name}\` is a lifecycle event written at the top level, not under \`hooks:\`, so its scripts never run. Indent it under \`hooks:\`.`
        : `\`${field.name}\` is a lifecycle event written at the top level, not in the \`Hooks:\` list, so its function never runs. Write it as an item of \`Hooks:\` (\`- ${field.name}: FunctionName\`).`;
      report('hook-outside-hooks', field.key, message, moveUnderHooks(entries, index, hooksKey, ec2, parsed));
    });
  },
};

/**
 * How to move the event under the hooks key, when the hooks key comes right before it (only other
 * stray events between) and holds nothing or a block collection of the right kind: the prefix for
 * the event's first line and for its other lines, and its last line.
 */
function moveUnderHooks(entries: Field[], index: number, hooksKey: string, ec2: boolean, parsed: ParsedAppSpec): FixData | undefined {
  let previous = index - 1;
  while (previous >= 0 && isLifecycleEventName(entries[previous].name)) previous--;
  const hooks = entries[previous];
  if (hooks?.name !== hooksKey) return undefined;
  const value = hooks.value;
  const collection = ec2 ? (isMap(value) ? value : undefined) : isSeq(value) ? value : undefined;
  const empty = value === null || (!isMap(value) && !isSeq(value) && nodeSpan(value)[0] === nodeSpan(value)[1]);
  if (!empty && !(collection && !collection.flow)) return undefined;
  const indent = collection?.range ? parsed.positions.position(collection.range[0]).character : 2;
  const field = entries[index];
  const [start, end] = field.value ? [nodeSpan(field.key)[0], nodeSpan(field.value)[1]] : nodeSpan(field.key);
  const lastLine = parsed.positions.position(Math.max(start, end - 1)).line;
  return ec2
    ? { hooksKey, firstPrefix: ' '.repeat(indent), restPrefix: ' '.repeat(indent), lastLine }
    : { hooksKey, firstPrefix: `${' '.repeat(indent)}- `, restPrefix: ' '.repeat(indent + 2), lastLine };
}

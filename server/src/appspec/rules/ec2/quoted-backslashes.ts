import { walkNodes } from '../../yaml-nodes';
import { ec2Rule } from '../rule';

/** Escapes YAML resolves inside double quotes that silently change a Windows path (`\t` → tab); `\\` and `\"` are meant. */
const SURPRISING_ESCAPE = /\\([0abtnvfreN_LP\x20/]|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})/;

/** §12: `"C:\temp"` in double quotes is C:<tab>emp; single quotes or no quotes keep backslashes literal. */
export const quotedBackslashes = ec2Rule('quoted-backslashes', ({ model, report, parsed }) => {
  walkNodes(model.root, {
    scalar(node) {
      if (node.type !== 'QUOTE_DOUBLE' || !node.range) return;
      const raw = parsed.text.slice(node.range[0] + 1, node.range[1] - 1).replace(/\\\\/g, '');
      const match = SURPRISING_ESCAPE.exec(raw);
      if (!match) return;
      const source = parsed.text.slice(node.range[0] + 1, node.range[1] - 1);
      const fix = source.includes("'") || source.includes('\n') ? undefined : `'${source}'`;
      report('backslash-escape', node, `Inside double quotes YAML reads \\${match[1]} as an escape (\\t is a tab, \\n a line break), so this path is not what it looks like. Use single quotes or no quotes, where backslashes stay literal${fix ? `: ${fix}` : ''}.`, fix ? { replacement: fix } : undefined);
    },
  });
});

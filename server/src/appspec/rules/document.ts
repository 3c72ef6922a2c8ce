import type { ParsedAppSpec, SyntaxProblem } from '../parse';
import type { Reporter } from '../reporter';
import { isScalar } from 'yaml';
import { fields, keyName, walkNodes, type Scalar, type YAMLMap } from '../yaml-nodes';

/** The parser's wording, made to say what to do: tabs, unclosed brackets, bad indentation. */
function syntaxMessage(problem: SyntaxProblem): string {
  switch (problem.kind) {
    case 'TAB_AS_INDENT':
      return 'A tab is used for indentation; YAML allows only spaces there, so the agent cannot load the file.';
    case 'BAD_INDENT':
    case 'BAD_SCALAR_START':
    case 'UNEXPECTED_TOKEN':
    case 'MISSING_CHAR':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
    default:
      return `YAML syntax error: ${problem.message.split('\n')[0]}`;
  }
}

/** Syntax errors, binary or oversized input, and parser failures: each located, none fatal to the engine. */
export function reportSyntax(parsed: ParsedAppSpec, reporter: Reporter): void {
  for (const problem of parsed.problems) {
    const target = { start: problem.start, end: Math.max(problem.end, problem.start + 1) };
    switch (problem.kind) {
      case 'DUPLICATE_KEY':
        break; // reported with both places by reportDocumentShape
      case 'BINARY':
        reporter.report('binary-file', target, problem.message);
        break;
      case 'TOO_LARGE':
        reporter.report('file-too-large', target, problem.message);
        break;
      case 'JSON':
        reporter.report('json-syntax', target, `Not valid JSON: ${problem.message}`);
        break;
      default:
        reporter.report('yaml-syntax', target, syntaxMessage(problem));
    }
  }
}

/**
 * Things the YAML loader does quietly that change what the agent reads: later documents that are
 * ignored, duplicate keys (the last wins), aliases and tags that Ruby 3.1+ refuses.
 */
export function reportDocumentShape(parsed: ParsedAppSpec, reporter: Reporter): void {
  for (const extra of parsed.extraDocuments) {
    const start = extra.range[0];
    reporter.report('extra-document', { start, end: Math.min(parsed.text.length, start + 3) }, 'Only the first YAML document is read; this document and any after it are ignored.');
  }
  const document = parsed.document;
  if (!document?.contents) return;
  // Anchors in document order: an alias can only refer to one defined before it.
  const anchors = new Set<string>();
  const noteAnchor = (node: { anchor?: string }) => {
    if (node.anchor) anchors.add(node.anchor);
  };
  walkNodes(document, {
    seq: noteAnchor,
    map(map) {
      noteAnchor(map);
      reportDuplicateKeys(map, parsed, reporter);
    },
    alias(alias) {
      if (!anchors.has(alias.source)) {
        reporter.report('yaml-syntax', alias, `The alias *${alias.source} refers to no anchor &${alias.source} defined before it; every YAML loader, the agent's included, fails on the file.`);
        return;
      }
      reporter.report('yaml-alias', alias, `The alias *${alias.source} is refused by CodeDeploy agents running on Ruby 3.1 or later (safe YAML loading); write the value out in full.`);
    },
    scalar(node) {
      noteAnchor(node);
      if (node.tag && node.tag.startsWith('!')) {
        reporter.report('yaml-tag', node, `The tag ${node.tag} is not an AppSpec feature (it is CloudFormation syntax); the agent's safe YAML loader refuses it.`);
      } else if (node.value instanceof Date) {
        reporter.report('yaml-tag', node, `${String(node.source)} is read as a timestamp, which agents on Ruby 3.1 or later refuse to load; quote it if it is meant as text.`);
      }
    },
  });
}

/** Maps up to this size are searched pairwise, which allocates nothing; larger ones use a lookup. */
const SMALL_MAP = 16;

function reportDuplicateKeys(map: YAMLMap, parsed: ParsedAppSpec, reporter: Reporter): void {
  const items = map.items;
  if (items.length < 2) return;
  const report = (key: Scalar, name: string, earlier: Scalar) => {
    const line = parsed.positions.position(earlier.range?.[0] ?? 0).line + 1;
    reporter.report('duplicate-key', key, `"${name}" is already defined on line ${line}; the agent keeps only this last one and silently drops the earlier value.`);
  };
  if (items.length <= SMALL_MAP) {
    for (let i = 1; i < items.length; i++) {
      const key = items[i].key;
      if (!isScalar(key)) continue;
      const name = keyName(key);
      for (let j = i - 1; j >= 0; j--) {
        const other = items[j].key;
        if (isScalar(other) && keyName(other) === name) {
          report(key, name, other);
          break;
        }
      }
    }
    return;
  }
  const seen = new Map<string, Scalar>();
  for (const field of fields(map)) {
    const earlier = seen.get(field.name);
    if (earlier) report(field.key, field.name, earlier);
    seen.set(field.name, field.key);
  }
}

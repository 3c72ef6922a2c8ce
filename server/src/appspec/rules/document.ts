import { visit } from 'yaml';
import type { ParsedAppSpec, SyntaxProblem } from '../parse';
import type { Reporter } from '../reporter';
import { fields, type YAMLMap } from '../yaml-nodes';

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
  visit(document, {
    Seq(_key, seq) {
      noteAnchor(seq);
    },
    Map(_key, map) {
      noteAnchor(map);
      const seen = new Map<string, number>();
      for (const field of fields(map as YAMLMap)) {
        const earlier = seen.get(field.name);
        if (earlier !== undefined) {
          const line = parsed.positions.position(earlier).line + 1;
          reporter.report('duplicate-key', field.key, `"${field.name}" is already defined on line ${line}; the agent keeps only this last one and silently drops the earlier value.`);
        }
        seen.set(field.name, field.key.range?.[0] ?? 0);
      }
    },
    Alias(_key, alias) {
      if (!anchors.has(alias.source)) {
        reporter.report('yaml-syntax', alias, `The alias *${alias.source} refers to no anchor &${alias.source} defined before it; every YAML loader, the agent's included, fails on the file.`);
        return visit.SKIP;
      }
      reporter.report('yaml-alias', alias, `The alias *${alias.source} is refused by CodeDeploy agents running on Ruby 3.1 or later (safe YAML loading); write the value out in full.`);
      return visit.SKIP; // never follow an alias: alias bombs expand exponentially
    },
    Scalar(_key, node) {
      noteAnchor(node);
      if (node.tag && node.tag.startsWith('!')) {
        reporter.report('yaml-tag', node, `The tag ${node.tag} is not an AppSpec feature (it is CloudFormation syntax); the agent's safe YAML loader refuses it.`);
      } else if (node.value instanceof Date) {
        reporter.report('yaml-tag', node, `${String(node.source)} is read as a timestamp, which agents on Ruby 3.1 or later refuse to load; quote it if it is meant as text.`);
      }
    },
  });
}

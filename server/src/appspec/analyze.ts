import type { Document } from 'yaml';
import { buildModel, classifyForeign, detectPlatform, rootMap, type AppSpecModel, type ForeignFile } from './model';
import type { AppSpecParser } from './incremental/incremental-parser';
import { parseAppSpec, type ParsedAppSpec } from './parse';
import { Reporter, type SeverityOverrides } from './reporter';
import { reportDocumentShape, reportSyntax } from './rules/document';
import { REVISION_RULES, SEMANTIC_RULES, STRUCTURE_RULES } from './rules/index';
import { RevisionLookup } from './rules/revision/revision-lookup';
import { findUnrenderedTemplate } from './rules/unrendered-template';
import type { RuleContext } from './rules/rule';
import type { AppSpecDiagnostic, AppSpecFormat, FileAccess, Platform } from './types';
import { isNullValue } from './yaml-nodes';

export interface AnalyzeOptions {
  /** yaml (default) or json; use formatFromPath(path) to pick from a file name. */
  format?: AppSpecFormat;
  /** Skip detection and validate for this platform. */
  platform?: Platform;
  /** The user's severity per code (`off` drops the code). */
  severity?: SeverityOverrides;
  /** Parses the text; an IncrementalParser reuses what it parsed of the document's previous version. */
  parser?: AppSpecParser;
}

export interface ValidateOptions extends AnalyzeOptions {
  /** The revision's files; without it, no revision checks run (untitled documents, `--no-revision-checks`). */
  files?: FileAccess;
}

export interface AppSpecAnalysis {
  parsed: ParsedAppSpec;
  /** The located model, when the text is an AppSpec mapping (even one with errors). */
  model?: AppSpecModel;
  platform?: Platform;
  /** Diagnostics of the text itself (no file-system checks). */
  diagnostics: AppSpecDiagnostic[];
  /** Internal: the reporter, so revision checks add to the same list with the same overrides. */
  reporter: Reporter;
}

/** Text → model → rules → diagnostics, synchronously and without touching any file. */
export function analyzeAppSpec(text: string, options: AnalyzeOptions = {}): AppSpecAnalysis {
  const parsed = options.parser ? options.parser.parse(text, options.format ?? 'yaml') : parseAppSpec(text, options.format ?? 'yaml');
  const reporter = new Reporter(parsed.positions, options.severity);
  const result: AppSpecAnalysis = { parsed, diagnostics: reporter.diagnostics, reporter };

  const document = parsed.document;
  const root = rootMap(document);
  // A file that is certainly something else gets that one verdict, whatever its syntax.
  const foreign = root ? classifyForeign(root) : undefined;
  if (foreign?.certain) return reportForeign(foreign, reporter, result);
  const template = findUnrenderedTemplate(parsed);
  if (template) {
    reporter.report('unrendered-template', template, `This is a template (${template.text}) that is not valid ${parsed.format === 'json' ? 'JSON' : 'YAML'} until it is rendered, so it is not checked; check the rendered AppSpec instead.`);
    return result;
  }
  reportSyntax(parsed, reporter);
  if (!document && parsed.problems.length > 0) return result;
  if (isEmpty(document)) {
    if (parsed.problems.length === 0) reporter.report('empty-document', { start: 0, end: 0 }, 'The AppSpec is empty; the agent rejects it. An EC2/On-Premises AppSpec starts with `version: 0.0` and `os: linux`.');
    return result;
  }
  reportDocumentShape(parsed, reporter);
  if (!root) {
    const contents = document?.contents;
    if (contents) reporter.report('not-a-mapping', contents, 'The top level of an AppSpec must be a mapping (`version: 0.0`, `os: linux`, …), not a list or a single value.');
    return result;
  }
  if (foreign) return reportForeign(foreign, reporter, result);

  const platform = options.platform ?? detectPlatform(root);
  const model = buildModel(root, platform);
  result.model = model;
  result.platform = platform;
  const context = ruleContext(parsed, model, reporter);
  const firstRuleDiagnostic = reporter.diagnostics.length;
  for (const rule of [...STRUCTURE_RULES, ...SEMANTIC_RULES]) {
    if (rule.platforms.includes(platform)) runSafely(rule.name, () => rule.check(context), reporter);
  }
  dropFindingsOnBrokenLines(parsed, reporter.diagnostics, firstRuleDiagnostic);
  return result;
}

/** analyzeAppSpec plus the revision checks when `files` is given. */
export async function validateAppSpec(text: string, options: ValidateOptions = {}): Promise<AppSpecAnalysis> {
  const analysis = analyzeAppSpec(text, options);
  const { model, platform, parsed, reporter } = analysis;
  if (!options.files || !model || !platform) return analysis;
  const files = options.files;
  const lookups = new Map<boolean, RevisionLookup>();
  const lookup = (ignoreCase: boolean) => {
    let found = lookups.get(ignoreCase);
    if (!found) lookups.set(ignoreCase, (found = new RevisionLookup(files, ignoreCase)));
    return found;
  };
  const context = { ...ruleContext(parsed, model, reporter), files, lookup };
  for (const rule of REVISION_RULES) {
    if (!rule.platforms.includes(platform)) continue;
    try {
      await rule.check(context);
    } catch (error) {
      reportRuleFailure(rule.name, error, reporter);
    }
  }
  return analysis;
}

function reportForeign(foreign: ForeignFile, reporter: Reporter, result: AppSpecAnalysis): AppSpecAnalysis {
  reporter.report('not-appspec', foreign.evidence.key, `This file is ${foreign.what}, not a CodeDeploy AppSpec; CodeDeploy cannot use it as one.`);
  return result;
}

/**
 * On a line the parser could not read, the model holds whatever it recovered (`TargetService:service
 * Type` as one key); findings there describe that artefact, not the author's text, and bury the
 * syntax error. The syntax error stays; rule findings on the same lines go.
 */
function dropFindingsOnBrokenLines(parsed: ParsedAppSpec, diagnostics: AppSpecDiagnostic[], from: number): void {
  const broken = new Set(parsed.problems.filter((problem) => problem.kind !== 'DUPLICATE_KEY').map((problem) => parsed.positions.position(problem.start).line));
  if (broken.size === 0) return;
  const kept = diagnostics.slice(from).filter((diagnostic) => diagnostic.code === 'internal-error' || !broken.has(diagnostic.range.start.line));
  diagnostics.splice(from, diagnostics.length - from, ...kept);
}

function ruleContext(parsed: ParsedAppSpec, model: AppSpecModel, reporter: Reporter): RuleContext {
  return { parsed, model, reporter, report: reporter.report.bind(reporter) };
}

function isEmpty(document: Document.Parsed | undefined): boolean {
  return !document || isNullValue(document.contents as never);
}

/** A bug in one rule must cost that rule's findings, never the whole validation or the server. */
function runSafely(name: string, check: () => void, reporter: Reporter): void {
  try {
    check();
  } catch (error) {
    reportRuleFailure(name, error, reporter);
  }
}

function reportRuleFailure(name: string, error: unknown, reporter: Reporter): void {
  const reason = error instanceof Error ? error.message : String(error);
  // Surface it (tests fail on it) without pretending the AppSpec is wrong.
  reporter.diagnostics.push({
    code: 'internal-error',
    severity: 'information',
    message: `The ${name} check failed on this file and was skipped: ${reason}. Please report this.`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  });
}

import type { DiagnosticCode } from '../codes';
import type { AppSpecModel, Ec2Model, ServiceModel } from '../model';
import type { ParsedAppSpec } from '../parse';
import type { Reporter, Target } from '../reporter';
import type { FileAccess, FixData, Platform } from '../types';
import type { RevisionLookup } from './revision/revision-lookup';

/** What every rule sees: the parsed text, the located model for the detected platform, a reporter. */
export interface RuleContext<M extends AppSpecModel = AppSpecModel> {
  parsed: ParsedAppSpec;
  model: M;
  reporter: Reporter;
  report(code: DiagnosticCode, target: Target, message: string, data?: FixData): void;
}

/** A synchronous check over the model. Rules never throw on odd shapes: they skip what they do not understand. */
export interface Rule<M extends AppSpecModel = AppSpecModel> {
  /** Short name for tests and benchmarks. */
  name: string;
  platforms: readonly Platform[];
  check(context: RuleContext<M>): void;
}

export interface RevisionContext<M extends AppSpecModel = AppSpecModel> extends RuleContext<M> {
  /** The revision's files, relative to the revision root (the AppSpec's folder). */
  files: FileAccess;
  /** One lookup per validation and letter-case rule, so the revision rules never ask for a path twice. */
  lookup(ignoreCase: boolean): RevisionLookup;
}

/** An asynchronous check of the revision's files (scripts and sources exist, stay inside, are runnable). */
export interface RevisionRule<M extends AppSpecModel = AppSpecModel> {
  name: string;
  platforms: readonly Platform[];
  check(context: RevisionContext<M>): Promise<void>;
}

/** Typed helpers so a rule for one platform gets that platform's model. */
export function ec2Rule(name: string, check: (context: RuleContext<Ec2Model>) => void): Rule {
  return { name, platforms: ['ec2'], check: check as Rule['check'] };
}

export function serviceRule(name: string, platforms: ReadonlyArray<'ecs' | 'lambda'>, check: (context: RuleContext<ServiceModel>) => void): Rule {
  return { name, platforms, check: check as Rule['check'] };
}

export function ec2RevisionRule(name: string, check: (context: RevisionContext<Ec2Model>) => Promise<void>): RevisionRule {
  return { name, platforms: ['ec2'], check: check as RevisionRule['check'] };
}

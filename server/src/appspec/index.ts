/**
 * The AppSpec engine's public surface. Pure: text (and an injected FileAccess) in, model and
 * diagnostics out. No VS Code API, no LSP, no network, no direct file-system access.
 */
export { analyzeAppSpec, validateAppSpec, type AnalyzeOptions, type AppSpecAnalysis, type ValidateOptions } from './analyze';
export { CODES, codeDocumentationUrl, isDiagnosticCode, type CodeInfo, type DiagnosticCode } from './codes';
export * from './lifecycle';
export type { AppSpecModel, Ec2Model, ServiceModel } from './model';
export { formatFromPath, parseAppSpec, type ParsedAppSpec } from './parse';
export { PositionMap } from './positions';
export * from './types';

import { documentCodes } from './codes/document';
import { ec2Codes } from './codes/ec2';
import { ecsLambdaCodes } from './codes/ecs-lambda';
import { revisionCodes } from './codes/revision';
import { structureCodes } from './codes/structure';
import type { CodeInfo } from './codes/code-info';

/** Every diagnostic code the engine can report. Codes are stable: settings and quick fixes key on them. */
export const CODES = { ...documentCodes, ...structureCodes, ...ec2Codes, ...ecsLambdaCodes, ...revisionCodes } satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof CODES;

export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return Object.prototype.hasOwnProperty.call(CODES, code);
}

/** Where each code is documented; the language server sends it as `codeDescription`. */
export function codeDocumentationUrl(code: string): string {
  return `https://github.com/codedeploy-vscode/codedeploy-vscode/blob/main/docs/rules.md#${code}`;
}

export type { CodeInfo };

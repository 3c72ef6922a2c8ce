import type { DiagnosticCode } from '../codes';

/**
 * The subset of JSON Schema (draft-07) the AppSpec schemas use, plus annotations the engine reads
 * to turn validation errors into its own diagnostics. Other tools (yaml-language-server) ignore
 * the `x-` keywords and read the rest as plain JSON Schema.
 */
export interface AppSpecSchema {
  $schema?: string;
  $id?: string;
  $ref?: string;
  definitions?: Record<string, AppSpecSchema>;
  title?: string;
  description?: string;
  markdownDescription?: string;
  type?: JsonType | JsonType[];
  properties?: Record<string, AppSpecSchema>;
  /** false: unknown keys are reported as `unknown-key` with the nearest known name. */
  additionalProperties?: boolean | AppSpecSchema;
  propertyNames?: AppSpecSchema;
  required?: string[];
  items?: AppSpecSchema;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
  enum?: Array<string | number | boolean | null>;
  const?: string | number | boolean | null;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  anyOf?: AppSpecSchema[];
  oneOf?: AppSpecSchema[];
  allOf?: AppSpecSchema[];
  if?: AppSpecSchema;
  then?: AppSpecSchema;
  else?: AppSpecSchema;
  default?: unknown;
  examples?: unknown[];
  /** The code for errors of this subschema's own keywords (type, enum, const, pattern…). */
  'x-code'?: DiagnosticCode;
  /** The code for a missing required key of this object, per key (default `missing-key`). */
  'x-required-codes'?: Partial<Record<string, DiagnosticCode>>;
  /** Replaces the generated message for errors of this subschema's own keywords. */
  'x-message'?: string;
  /** A semantic rule checks this value with a better message; the schema describes it for other tools only. */
  'x-semantic'?: boolean;
}

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

/** The x- keywords, registered with ajv so strict mode accepts them. */
export const ANNOTATION_KEYWORDS = ['x-code', 'x-required-codes', 'x-message', 'x-semantic', 'markdownDescription'] as const;

import { createRequire } from 'node:module';

/** What the test needs of Ajv 6, the validator that understands the SARIF schema's draft-04 dialect. */
interface Draft04Ajv {
  addMetaSchema(schema: object): unknown;
  validate(schema: object, data: unknown): boolean;
  errorsText(): string;
}

/**
 * Validates a SARIF log against the official SARIF 2.1.0 JSON Schema as shipped by Microsoft's
 * @microsoft/jest-sarif, with the draft-04 Ajv that package itself depends on (resolved from
 * there, so the project's own Ajv 8 stays the engine's).
 */
export function sarifSchemaErrors(log: unknown): string | undefined {
  const fromSarif = createRequire(require.resolve('@microsoft/jest-sarif/package.json'));
  const schema = fromSarif('./lib/schemas/sarif-2.1.0-rtm.5.json') as object;
  const Ajv = fromSarif('ajv') as new (options: object) => Draft04Ajv;
  const ajv = new Ajv({ schemaId: 'auto', validateSchema: false, allErrors: true });
  ajv.addMetaSchema(fromSarif('ajv/lib/refs/json-schema-draft-04.json') as object);
  return ajv.validate(schema, log) ? undefined : ajv.errorsText();
}

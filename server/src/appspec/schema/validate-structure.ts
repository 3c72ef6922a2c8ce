import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { DiagnosticCode } from '../codes';
import type { Rule, RuleContext } from '../rules/rule';
import { didYouMean, suggest } from '../suggest';
import type { Platform } from '../types';
import { isLifecycleEventName } from '../lifecycle';
import { isTemplated } from '../placeholders';
import { describeNode, fields, isMap, scalarValue, writtenLike, type AnyNode } from '../yaml-nodes';
import { PLATFORM_SCHEMAS } from './platform-schemas';
import { ANNOTATION_KEYWORDS, type AppSpecSchema, type JsonType } from './schema-types';
import { childPointer, toPlain, type Located, type PlainDocument } from './to-plain';

const compiled = new Map<Platform, ValidateFunction>();

/** One ajv instance and one compiled validator per platform, built on first use. */
function validatorFor(platform: Platform): ValidateFunction {
  let validate = compiled.get(platform);
  if (!validate) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
    for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword, schemaType: ['string', 'object', 'boolean'] });
    validate = ajv.compile(PLATFORM_SCHEMAS[platform]);
    compiled.set(platform, validate);
  }
  return validate;
}

const TYPE_WORDS: Record<JsonType, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  null: 'empty',
};

function expectedTypes(type: JsonType | JsonType[] | undefined): string {
  const types = (Array.isArray(type) ? type : type ? [type] : []).filter((t) => t !== 'null');
  return types.map((t) => TYPE_WORDS[t]).join(' or ') || 'another value';
}

/** The key a pointer ends in, as a message names it: `files`, or "item 2 of `files`". */
function label(pointer: string, located: Located | undefined): string {
  if (located?.field) return `\`${located.field.name}\``;
  const segments = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = segments.pop();
  if (last !== undefined && /^\d+$/.test(last)) {
    const parent = segments.pop();
    return parent !== undefined ? `item ${Number(last) + 1} of \`${parent}\`` : `item ${Number(last) + 1}`;
  }
  return 'the AppSpec';
}

/** A node to point at for "this mapping lacks a key": its own key if it has one, else its first key. */
function objectAnchor(located: Located | undefined): AnyNode | undefined {
  if (located?.field) return located.field.key;
  const node = located?.node;
  if (node && isMap(node)) return fields(node)[0]?.key ?? node;
  return node ?? undefined;
}

/**
 * Keywords about a value (not a shape around it). A template placeholder such as `<CONTAINER_PORT>`
 * or `${subnets}` stands where a value belongs and is filled in before CodeDeploy reads the file,
 * so these checks do not apply to it.
 */
const VALUE_KEYWORDS = new Set(['type', 'enum', 'const', 'pattern', 'minimum', 'maximum', 'minLength', 'minItems', 'maxItems']);

function reportError(error: ErrorObject, context: RuleContext, plain: PlainDocument): void {
  const schema = (error.parentSchema ?? {}) as AppSpecSchema;
  if (schema['x-semantic']) return;
  const located = plain.locate(error.instancePath);
  const fallbackTarget = { start: 0, end: 0 };

  if (error.keyword === 'additionalProperties') {
    const name = String((error.params as { additionalProperty: string }).additionalProperty);
    // A lifecycle event at the top level gets its own finding (rules/misplaced-events.ts).
    if (error.instancePath === '' && isLifecycleEventName(name)) return;
    const child = plain.locate(childPointer(error.instancePath, name));
    const known = Object.keys(schema.properties ?? {});
    const suggestion = suggest(name, known);
    const where = error.instancePath === '' ? 'at the top level' : `in ${label(error.instancePath, located)}`;
    context.report('unknown-key', child?.field?.key ?? fallbackTarget, `\`${name}\` is not an AppSpec key ${where}; it is silently ignored.${didYouMean(suggestion)}`, suggestion ? { replacement: writtenLike(child?.field?.key, suggestion) } : undefined);
    return;
  }
  if (error.keyword === 'required') {
    const missing = String((error.params as { missingProperty: string }).missingProperty);
    const code: DiagnosticCode = schema['x-required-codes']?.[missing] ?? 'missing-key';
    const owner = error.instancePath === '' ? 'The AppSpec' : label(error.instancePath, located).replace(/^item/, 'Item');
    context.report(code, objectAnchor(located) ?? fallbackTarget, schema['x-message'] ?? `${owner} needs \`${missing}\`.`, { missingKey: missing });
    return;
  }
  if (VALUE_KEYWORDS.has(error.keyword) && isTemplated(scalarValue(located?.node))) return;
  const code: DiagnosticCode = schema['x-code'] ?? (error.keyword === 'type' ? 'invalid-type' : 'invalid-value');
  const target = located?.node ?? located?.field?.key ?? fallbackTarget;
  const name = label(error.instancePath, located);
  let message: string;
  switch (error.keyword) {
    case 'type':
      message = `${name} must be ${expectedTypes(schema.type)}; found ${describeNode(located?.node)}.`;
      break;
    case 'enum':
    case 'const': {
      const allowed = (schema.enum ?? [schema.const]).map((value) => String(value));
      const written = located?.node ? String((located.node as { source?: string }).source ?? '') : '';
      const suggestion = suggest(written, allowed);
      message = `${name} must be ${allowed.length === 1 ? allowed[0] : `one of ${allowed.join(', ')}`}; found ${describeNode(located?.node)}.${didYouMean(suggestion)}`;
      context.report(code, target, schema['x-message'] ?? message, suggestion ? { replacement: writtenLike(located?.node, suggestion) } : undefined);
      return;
    }
    case 'minItems':
    case 'maxItems':
      message = `${name} must have ${error.keyword === 'minItems' ? 'at least' : 'at most'} ${String((error.params as { limit: number }).limit)} item(s).`;
      break;
    default:
      message = `${name} ${error.message ?? 'is not valid'}.`;
  }
  context.report(code, target, schema['x-message'] ?? message);
}

/** The structural layer: the platform's JSON Schema, each error located at its YAML node. */
export const structureRule: Rule = {
  name: 'schema',
  platforms: ['ec2', 'ecs', 'lambda'],
  check(context) {
    const validate = validatorFor(context.model.platform);
    const plain = toPlain(context.model.root);
    if (validate(plain.value)) return;
    const seen = new Set<string>();
    for (const error of validate.errors ?? []) {
      // allErrors can repeat an error through several schema paths; report each place once.
      const key = `${error.keyword}|${error.instancePath}|${JSON.stringify(error.params)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      reportError(error, context, plain);
    }
  },
};

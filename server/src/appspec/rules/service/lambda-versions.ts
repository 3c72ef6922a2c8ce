import { isTemplated } from '../../placeholders';
import { asMap, describeNode, fieldIgnoringCase, scalarValue, type Field } from '../../yaml-nodes';
import { serviceRule } from '../rule';

/** A published version: a whole number from 1 (as a string, as the docs write it, or a bare number). */
function versionNumber(field: Field): string | undefined {
  const value = scalarValue(field.value);
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return String(value);
  if (typeof value === 'string' && /^[1-9][0-9]*$/.test(value.trim())) return value.trim();
  return undefined;
}

function problem(field: Field): string {
  const value = scalarValue(field.value);
  if (typeof value === 'string' && value.trim().toUpperCase() === '$LATEST') {
    return `\`${field.name}\` cannot be $LATEST: an alias shifts between published versions. Publish a version and give its number, such as "2".`;
  }
  return `\`${field.name}\` must be a published version number such as "2"; found ${describeNode(field.value)}.`;
}

/** LAM-4: CurrentVersion and TargetVersion are published versions; shifting a version to itself does nothing. */
export const lambdaVersions = serviceRule('lambda-versions', ['lambda'], ({ model, report }) => {
  for (const resource of model.resources) {
    const properties = asMap(resource.properties?.value);
    if (!properties) continue;
    const fields = ['CurrentVersion', 'TargetVersion'].map((name) => fieldIgnoringCase(properties, name));
    for (const field of fields) {
      if (!field) continue; // missing: the structural layer reports it
      if (isTemplated(scalarValue(field.value))) continue;
      const number = versionNumber(field);
      if (number === undefined) report('invalid-lambda-version', field.value ?? field.key, problem(field));
    }
    const [current, target] = fields;
    const [currentNumber, targetNumber] = [current, target].map((field) => (field ? versionNumber(field) : undefined));
    if (target && currentNumber !== undefined && currentNumber === targetNumber) {
      report('same-lambda-version', target.value ?? target.key, `TargetVersion is the same as CurrentVersion (${currentNumber}); the deployment shifts no traffic. Give the version to deploy.`);
    }
  }
});

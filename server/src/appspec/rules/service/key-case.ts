import { asMap, fields, writtenLike, type Field, type YAMLMap } from '../../yaml-nodes';
import { serviceRule } from '../rule';

/** Lower-case spellings seen in the docs and in the wild, and the documented spelling for each. */
const TOP = { resources: 'Resources', hooks: 'Hooks' };
const RESOURCE = { type: 'Type', properties: 'Properties' };
const LAMBDA = { name: 'Name', alias: 'Alias', currentversion: 'CurrentVersion', targetversion: 'TargetVersion' };

function misspelled(map: YAMLMap | undefined, spellings: Record<string, string>): Array<[Field, string]> {
  if (!map) return [];
  return fields(map).filter((field) => Object.hasOwn(spellings, field.name)).map((field) => [field, spellings[field.name as keyof typeof spellings]]);
}

/**
 * ECS-12, LAM-6: whether the service reads the lower-case spellings is not confirmed, so the
 * engine reads them (the rest of the checks still apply) and asks for the documented one.
 */
export const keyCase = serviceRule('key-case', ['ecs', 'lambda'], ({ model, report }) => {
  const found = misspelled(model.root, TOP).filter(([field]) => field.name !== 'hooks' || asMap(field.value) === undefined); // a hooks mapping is an EC2 section
  for (const resource of model.resources) {
    found.push(...misspelled(resource.body, RESOURCE));
    if (model.platform === 'lambda') found.push(...misspelled(asMap(resource.properties?.value), LAMBDA));
  }
  found.sort(([a], [b]) => (a.key.range?.[0] ?? 0) - (b.key.range?.[0] ?? 0)); // source order
  for (const [field, documented] of found) {
    report('key-case', field.key, `Write \`${documented}\` as the CodeDeploy documentation does; whether the service reads \`${field.name}\` is not confirmed.`, { replacement: writtenLike(field.key, documented) });
  }
});

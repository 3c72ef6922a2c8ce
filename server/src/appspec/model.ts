import type { Document } from 'yaml';
import type { Platform } from './types';
import {
  asMap,
  asScalar,
  asSeq,
  fieldIgnoringCase,
  fieldMap,
  fields,
  items,
  stringValue,
  type AnyNode,
  type Field,
  type YAMLMap,
} from './yaml-nodes';

/**
 * The located model: the AppSpec's parts with their YAML nodes, for rules (ranges), editor
 * features (what is at the cursor) and the local agent (values). Entries of the wrong shape are
 * left out here; the structural layer reports them.
 */

/** A mapping entry with its fields by name (last duplicate wins). */
export interface Entry {
  node: YAMLMap;
  fields: Map<string, Field>;
}

export interface ScriptEntry extends Entry {
  location?: Field;
  timeout?: Field;
  runas?: Field;
  sudo?: Field;
}

export interface Ec2Hook {
  /** The `EventName:` pair under `hooks`. */
  field: Field;
  name: string;
  /** Script entries that are mappings, in list order. */
  scripts: ScriptEntry[];
}

export interface FileMapping extends Entry {
  source?: Field;
  destination?: Field;
}

export type PermissionEntry = Entry;

export interface Ec2Model {
  platform: 'ec2';
  root: YAMLMap;
  top: Map<string, Field>;
  hooks: Ec2Hook[];
  files: FileMapping[];
  permissions: PermissionEntry[];
}

/** `- LogicalName: { Type, Properties }` under `Resources`. */
export interface ServiceResource {
  item: YAMLMap;
  /** The single `LogicalName:` pair. */
  field: Field;
  name: string;
  body?: YAMLMap;
  type?: Field;
  properties?: Field;
  propertyFields: Map<string, Field>;
}

/** `- EventName: FunctionName` under `Hooks`. */
export interface FunctionHook {
  item: YAMLMap;
  field: Field;
  name: string;
  functionName?: string;
}

export interface ServiceModel {
  platform: 'ecs' | 'lambda';
  root: YAMLMap;
  top: Map<string, Field>;
  resources: ServiceResource[];
  hooks: FunctionHook[];
}

export type AppSpecModel = Ec2Model | ServiceModel;

function entry(node: YAMLMap): Entry {
  return { node, fields: fieldMap(node) };
}

function mappingItems(node: AnyNode | null | undefined): YAMLMap[] {
  const seq = asSeq(node);
  if (!seq) return [];
  return items(seq).filter((item): item is YAMLMap => asMap(item) !== undefined);
}

export function buildEc2Model(root: YAMLMap): Ec2Model {
  const top = fieldMap(root);
  const hooksMap = asMap(top.get('hooks')?.value);
  const hooks: Ec2Hook[] = hooksMap
    ? fields(hooksMap).map((field) => ({
        field,
        name: field.name,
        scripts: mappingItems(field.value).map((node) => {
          const script = entry(node);
          return {
            ...script,
            location: script.fields.get('location'),
            timeout: script.fields.get('timeout'),
            runas: script.fields.get('runas'),
            sudo: script.fields.get('sudo'),
          };
        }),
      }))
    : [];
  const files = mappingItems(top.get('files')?.value).map((node) => {
    const mapping = entry(node);
    return { ...mapping, source: mapping.fields.get('source'), destination: mapping.fields.get('destination') };
  });
  const permissions = mappingItems(top.get('permissions')?.value).map(entry);
  return { platform: 'ec2', root, top, hooks, files, permissions };
}

/** ECS and Lambda: the service reads capitalised keys; lower-case variants seen in the wild are accepted here and flagged by rules. */
export function buildServiceModel(root: YAMLMap, platform: 'ecs' | 'lambda'): ServiceModel {
  const top = fieldMap(root);
  const resources: ServiceResource[] = [];
  for (const item of mappingItems(fieldIgnoringCase(root, 'Resources')?.value)) {
    const [field] = fields(item);
    if (!field) continue;
    const body = asMap(field.value);
    const properties = body ? fieldIgnoringCase(body, 'Properties') : undefined;
    const propertiesMap = asMap(properties?.value);
    resources.push({
      item,
      field,
      name: field.name,
      body,
      type: body ? fieldIgnoringCase(body, 'Type') : undefined,
      properties,
      propertyFields: propertiesMap ? fieldMap(propertiesMap) : new Map(),
    });
  }
  const hooks: FunctionHook[] = [];
  for (const item of mappingItems(fieldIgnoringCase(root, 'Hooks')?.value)) {
    for (const field of fields(item)) hooks.push({ item, field, name: field.name, functionName: stringValue(field.value) });
  }
  return { platform, root, top, resources, hooks };
}

const LAMBDA_PROPERTY_NAMES = ['name', 'alias', 'currentversion', 'targetversion'];
const ECS_PROPERTY_NAMES = ['taskdefinition', 'loadbalancerinfo', 'platformversion', 'networkconfiguration', 'capacityproviderstrategy'];
const ECS_ONLY_EVENTS = ['BeforeInstall', 'AfterInstall', 'AfterAllowTestTraffic'];
/** Sections only an EC2/On-Premises AppSpec has (lower-case `hooks` included: the service form is `Hooks`). */
const EC2_ONLY_KEYS = ['os', 'files', 'permissions', 'file_exists_behavior', 'hooks'];

/** The resource bodies under `Resources`, whether written as the list the service reads or, by mistake, as a mapping. */
function resourceBodies(node: AnyNode | null | undefined): YAMLMap[] {
  const values = asSeq(node) ? mappingItems(node).map((item) => fields(item)[0]?.value) : asMap(node) ? fields(asMap(node)!).map((field) => field.value) : [];
  return values.map((value) => asMap(value)).filter((body): body is YAMLMap => body !== undefined);
}

/** ECS or Lambda from a body: its Type, else the properties only one of them has. */
function platformOfResource(body: YAMLMap): 'ecs' | 'lambda' | undefined {
  const type = stringValue(fieldIgnoringCase(body, 'Type')?.value) ?? '';
  if (/lambda|serverless::function/i.test(type)) return 'lambda';
  if (/ecs/i.test(type)) return 'ecs';
  const properties = asMap(fieldIgnoringCase(body, 'Properties')?.value);
  const names = properties ? fields(properties).map((field) => field.name.toLowerCase()) : [];
  if (names.some((name) => ECS_PROPERTY_NAMES.includes(name))) return 'ecs';
  if (names.some((name) => LAMBDA_PROPERTY_NAMES.includes(name))) return 'lambda';
  return undefined;
}

/**
 * The compute platform the content is written for. `Resources` (any shape, any case) means ECS
 * or Lambda, decided by the resource's Type, then its properties, then its hooks (ECS-only
 * events), ECS by default. Without `Resources`, a `Hooks` list and no EC2 section still means a
 * service AppSpec that lacks its resource; anything else is EC2/On-Premises.
 */
export function detectPlatform(root: YAMLMap): Platform {
  const resources = fieldIgnoringCase(root, 'Resources');
  if (!resources) {
    const serviceHooks = asSeq(fields(root).find((field) => field.name === 'Hooks')?.value);
    if (!serviceHooks || fields(root).some((field) => EC2_ONLY_KEYS.includes(field.name))) return 'ec2';
  }
  for (const body of resourceBodies(resources?.value)) {
    const platform = platformOfResource(body);
    if (platform) return platform;
  }
  for (const item of mappingItems(fieldIgnoringCase(root, 'Hooks')?.value)) {
    if (fields(item).some((field) => ECS_ONLY_EVENTS.includes(field.name))) return 'ecs';
  }
  // Nothing says ECS or Lambda: EC2-only keys (`os: linux` beside a stray `Resources:`) keep it EC2.
  return fields(root).some((field) => EC2_ONLY_KEYS.includes(field.name)) ? 'ec2' : 'ecs';
}

export function buildModel(root: YAMLMap, platform: Platform): AppSpecModel {
  return platform === 'ec2' ? buildEc2Model(root) : buildServiceModel(root, platform);
}

/** Keys that make a mapping an AppSpec, compared without case. */
const APPSPEC_KEYS = ['os', 'files', 'permissions', 'hooks', 'resources', 'file_exists_behavior'];

export interface ForeignFile {
  /** What the file is instead, in a message's words: "an AWS SAM or CloudFormation template". */
  what: string;
  /** The key whose presence gave it away, to point the diagnostic at. */
  evidence: Field;
  /**
   * True when a key only that other kind of file has gave it away: syntax errors and everything
   * else are then beside the point. False for "no AppSpec key at all", where a syntax error may
   * be what hid the AppSpec keys.
   */
  certain: boolean;
}

/** An AppSpec resource body written under a `Resources` mapping: a missing dash, not a template. */
function looksLikeAppSpecResource(body: YAMLMap): boolean {
  const properties = asMap(fieldIgnoringCase(body, 'Properties')?.value);
  const names = properties ? fields(properties).map((field) => field.name.toLowerCase()) : [];
  return names.some((name) => ['loadbalancerinfo', 'currentversion', 'targetversion'].includes(name));
}

/**
 * Recognises files named like an AppSpec that are something else, so they get one clear
 * diagnostic instead of twenty: SAM/CloudFormation templates, CodeBuild buildspecs,
 * CreateDeployment requests, and mappings with no AppSpec key besides `version`.
 */
export function classifyForeign(root: YAMLMap): ForeignFile | undefined {
  const top = fields(root);
  const find = (name: string) => top.find((field) => field.name === name);
  const cloudFormation = find('AWSTemplateFormatVersion') ?? find('Transform');
  if (cloudFormation) return { what: 'an AWS SAM or CloudFormation template', evidence: cloudFormation, certain: true };
  const resources = fieldIgnoringCase(root, 'Resources');
  if (resources && asMap(resources.value) && !resourceBodies(resources.value).some(looksLikeAppSpecResource)) {
    return { what: 'an AWS SAM or CloudFormation template (its Resources is a mapping, not a list)', evidence: resources, certain: true };
  }
  const request = find('applicationName') ?? find('deploymentGroupName') ?? find('revision');
  if (request) return { what: 'a CreateDeployment request (the AppSpec belongs in revision.appSpecContent.content)', evidence: request, certain: true };
  const appSpecKeys = top.filter((field) => APPSPEC_KEYS.includes(field.name.toLowerCase()));
  // MoveApps (movebank.org) apps also call their manifest appspec.json: settings plus license/people metadata.
  const settings = find('settings');
  if (settings && appSpecKeys.length === 0 && (find('license') ?? find('providedAppFiles') ?? find('people'))) {
    return { what: 'a MoveApps app manifest', evidence: settings, certain: true };
  }
  const phases = find('phases');
  if (phases && !appSpecKeys.some((field) => ['hooks', 'files', 'os'].includes(field.name.toLowerCase()))) {
    return { what: 'an AWS CodeBuild buildspec', evidence: phases, certain: true };
  }
  if (appSpecKeys.length === 0) {
    const first = top.find((field) => field.name.toLowerCase() !== 'version') ?? top[0];
    if (first && top.some((field) => field.name.toLowerCase() !== 'version')) return { what: 'a mapping with none of the AppSpec keys (os, files, permissions, hooks or Resources)', evidence: first, certain: false };
  }
  return undefined;
}

/** The document's root mapping, when it is one. */
export function rootMap(document: Document.Parsed | undefined): YAMLMap | undefined {
  return asMap(document?.contents as AnyNode | null | undefined);
}

export { asScalar };

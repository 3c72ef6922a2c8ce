import type { Node, YAMLMap } from 'yaml';
import { analyzeAppSpec, DEFAULT_SCRIPT_TIMEOUT_SECONDS, type AppSpecDiagnostic, type Ec2Model } from '../../../server/src/appspec';
import { readMode, readTimeout, rubyScalarText } from '../../../server/src/appspec/agent-values';
import { asMap, asSeq, fieldMap, isAlias, isNullValue, isScalar, items, stringValue } from '../../../server/src/appspec/yaml-nodes';
import { AppSpecRejectedError, type AgentAppSpec, type FileSpec, type ObjectType, type PermissionSpec, type ScriptSpec } from './agent-appspec';
import type { FileExistsBehavior } from './types';

/**
 * Engine codes for problems the agent's own parser (or its YAML loader) also refuses. Other
 * errors are the engine's advice (e.g. a duplicate file mapping fails later, at Install, and is
 * found there) and must not fail an event the real agent would run.
 */
const AGENT_REJECTS = new Set([
  'yaml-syntax', 'binary-file', 'empty-document', 'not-a-mapping', 'not-appspec',
  'missing-version', 'invalid-version', 'quoted-version', 'missing-os', 'invalid-os',
  'invalid-file-exists-behavior', 'invalid-type', 'missing-key', 'permissions-on-windows',
  'invalid-mode', 'invalid-permission-type', 'invalid-acl', 'context-missing-type',
  'invalid-selinux-range', 'missing-location', 'invalid-timeout',
]);

const FILE_EXISTS_BEHAVIORS: readonly FileExistsBehavior[] = ['DISALLOW', 'OVERWRITE', 'RETAIN'];

/**
 * Reads an AppSpec as the agent on `agentOs` does: the engine finds what the agent refuses, then
 * the values are read with the agent's conversions (`timeout` through Ruby's to_i, `mode` from
 * its decimal digits). The value reading re-checks shapes itself because a user's severity
 * settings or a rule the engine lacks must never let a broken AppSpec through to a real install.
 */
export function readAgentAppSpec(text: string, fileName: string, agentOs: string): AgentAppSpec {
  const analysis = analyzeAppSpec(text, { platform: 'ec2' });
  const refusal = analysis.diagnostics.find((diagnostic) => diagnostic.severity === 'error' && AGENT_REJECTS.has(diagnostic.code));
  if (refusal) throw new AppSpecRejectedError(rejection(fileName, refusal));
  const model = analysis.model;
  if (!model || model.platform !== 'ec2') throw new AppSpecRejectedError(`The ${fileName} file could not be read as an EC2/On-Premises AppSpec.`);
  return readValues(model, agentOs, fileName);
}

function rejection(fileName: string, diagnostic: AppSpecDiagnostic): string {
  return `The ${fileName} file failed validation (line ${diagnostic.range.start.line + 1}): ${diagnostic.message}`;
}

/** The agent's order: version, os, hooks, files, permissions, file_exists_behavior; the first problem wins. */
function readValues(model: Ec2Model, agentOs: string, fileName: string): AgentAppSpec {
  const fail = (message: string): never => {
    throw new AppSpecRejectedError(`The ${fileName} file failed validation: ${message}`);
  };
  const value = (name: string): Node | null => model.top.get(name)?.value ?? null;

  const version = value('version');
  if (!isScalar(version) || typeof version.value !== 'number' || version.value !== 0) fail('the version must be 0.0.');
  const osNode = value('os');
  const os = stringValue(osNode) ?? '';
  if (os !== agentOs) fail(`the os "${os}" is not supported by this instance's agent, which runs on ${agentOs}.`);

  const hooks = readHooks(value('hooks'), fail);
  const files = readFiles(value('files'), fail);
  const permissions = readPermissions(value('permissions'), fail);
  if (os === 'windows' && permissions.length > 0) fail('permissions cannot be set on windows.');
  const behaviorNode = value('file_exists_behavior');
  let fileExistsBehavior: FileExistsBehavior | undefined;
  if (!isNullValue(behaviorNode)) {
    const written = rubyString(behaviorNode, 'file_exists_behavior', fail);
    if (!FILE_EXISTS_BEHAVIORS.includes(written as FileExistsBehavior)) fail(`file_exists_behavior must be DISALLOW, OVERWRITE or RETAIN; found "${written}".`);
    fileExistsBehavior = written as FileExistsBehavior;
  }
  return { os, hooks, files, permissions, fileExistsBehavior };
}

type Fail = (message: string) => never;

function readHooks(node: Node | null, fail: Fail): Map<string, ScriptSpec[]> {
  const hooks = new Map<string, ScriptSpec[]>();
  if (isNullValue(node)) return hooks;
  for (const pair of mapping(node, 'hooks', fail).items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : fail('hooks has an event name that is not text.');
    const scripts = pair.value as Node | null;
    if (isNullValue(scripts)) continue;
    hooks.set(name, list(scripts, `hooks.${name}`, fail).map((item) => readScript(mapping(item, `a script of ${name}`, fail), name, fail)));
  }
  return hooks;
}

function readScript(entry: YAMLMap, event: string, fail: Fail): ScriptSpec {
  const get = fieldGetter(entry);
  const locationNode = get('location');
  const location = isNullValue(locationNode) ? '' : rubyString(locationNode, 'location', fail).trim();
  if (location === '') fail(`${event} has a script with no location value.`);
  const timeoutNode = get('timeout');
  const timeoutSeconds = readTimeoutSeconds(timeoutNode, fail);
  if (timeoutSeconds <= 0) fail(`the script ${location} has an invalid timeout value; it must be a positive number of seconds.`);
  const runasNode = get('runas');
  const sudoNode = get('sudo');
  const script: ScriptSpec = { location, timeoutSeconds, sudo: isScalar(sudoNode) && sudoNode.value !== false && sudoNode.value !== null };
  if (!isNullValue(runasNode)) script.runas = rubyString(runasNode, 'runas', fail).trim();
  return script;
}

function readFiles(node: Node | null, fail: Fail): FileSpec[] {
  if (isNullValue(node)) return [];
  return list(node, 'files', fail).map((item) => {
    const entry = mapping(item, 'a files entry', fail);
    const get = fieldGetter(entry);
    const source = get('source');
    const destination = get('destination');
    if (isNullValue(source)) fail('a files entry has no source file.');
    if (isNullValue(destination)) fail('a files entry specifies only a source file (no destination).');
    return { source: rubyString(source, 'source', fail), destination: rubyString(destination, 'destination', fail) };
  });
}

function readPermissions(node: Node | null, fail: Fail): PermissionSpec[] {
  if (isNullValue(node)) return [];
  return list(node, 'permissions', fail).map((item) => {
    const entry = mapping(item, 'a permissions entry', fail);
    const get = fieldGetter(entry);
    const objectNode = get('object');
    const object = isNullValue(objectNode) ? '' : rubyString(objectNode, 'object', fail).trim();
    if (object === '') fail('a permissions entry has no object value.');
    const patternNode = get('pattern');
    const exceptNode = get('except');
    const typeNode = get('type');
    const aclsNode = get('acls');
    const types = isNullValue(typeNode) ? (['file', 'directory'] as ObjectType[]) : list(typeNode, 'type', fail).map((type) => rubyString(type, 'type', fail));
    for (const type of types) if (type !== 'file' && type !== 'directory') fail(`the permission object type "${type}" is not supported (file or directory).`);
    const permission: PermissionSpec = {
      object,
      pattern: isNullValue(patternNode) ? '**' : rubyString(patternNode, 'pattern', fail),
      except: isNullValue(exceptNode) ? [] : list(exceptNode, 'except', fail).map((glob) => rubyString(glob, 'except', fail)),
      types: types as ObjectType[],
      acls: isNullValue(aclsNode) ? [] : list(aclsNode, 'acls', fail).map((acl) => rubyString(acl, 'acls', fail)),
      hasContext: !isNullValue(get('context')),
    };
    const modeNode = get('mode');
    if (!isNullValue(modeNode)) permission.mode = readPermissionMode(rubyString(modeNode, 'mode', fail), fail);
    const owner = get('owner');
    const group = get('group');
    if (!isNullValue(owner)) permission.owner = rubyString(owner, 'owner', fail);
    if (!isNullValue(group)) permission.group = rubyString(group, 'group', fail);
    return permission;
  });
}

/** E-P-MODE-1 through the engine's reading, in the agent's words. */
function readPermissionMode(written: string, fail: Fail): number {
  const mode = readMode(written);
  if (mode.problem?.kind === 'length') fail(`the length of a permissions mode (${written}) is more than 4 digits.`);
  if (mode.problem) fail(`a permissions mode (${written}) has an invalid character; use octal digits 0-7.`);
  return mode.bits;
}

/** A reader of the mapping's values by key; a repeated key keeps its last value, as Psych does. */
function fieldGetter(map: YAMLMap): (key: string) => Node | null {
  const byName = fieldMap(map);
  return (key) => byName.get(key)?.value ?? null;
}

function mapping(node: Node | null, what: string, fail: Fail): YAMLMap {
  if (isAlias(node)) fail(`${what} uses a YAML alias, which the agent's safe YAML loader refuses.`);
  return asMap(node) ?? fail(`${what} must be a mapping.`);
}

function list(node: Node | null, what: string, fail: Fail): Node[] {
  if (isAlias(node)) fail(`${what} uses a YAML alias, which the agent's safe YAML loader refuses.`);
  const seq = asSeq(node) ?? fail(`${what} must be a list.`);
  return items(seq).map((item) => item ?? fail(`${what} has an empty item.`));
}

/** Ruby's to_s of a loaded YAML scalar; lists, mappings and timestamps fail the read. */
function rubyString(node: Node | null, what: string, fail: Fail): string {
  if (!isScalar(node)) return fail(`${what} must be a single value, not a list or mapping.`);
  return rubyScalarText(node) ?? fail(`${what} is a timestamp, which the agent's safe YAML loader refuses.`);
}

/** `timeout` through the engine's reading of `(timeout || 3600).to_i`. */
function readTimeoutSeconds(node: Node | null, fail: Fail): number {
  const reading = readTimeout(node);
  if (reading === 'crash') return fail('timeout must be a number of seconds.');
  return reading === 'default' ? DEFAULT_SCRIPT_TIMEOUT_SECONDS : reading.seconds;
}

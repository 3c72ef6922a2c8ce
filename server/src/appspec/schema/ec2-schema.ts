import type { AppSpecSchema } from './schema-types';

/**
 * EC2/On-Premises AppSpec: what the CodeDeploy agent's parser accepts (appspec-rules.md §2–8).
 * Where the agent accepts null (`files:`, `hooks:`, an empty event) the schema does too. Shapes the
 * agent crashes on (a scalar where it calls `.each`) are type errors here; values it reads with
 * Ruby conversions (`mode`, `timeout`, `location`) are left to semantic rules, which know those
 * conversions and accept template placeholders.
 */

const scalarText: AppSpecSchema['type'] = ['string', 'number'];

const fileMapping: AppSpecSchema = {
  type: 'object',
  description: 'Copies `source` (relative to the revision root) into the `destination` folder on the instance.',
  properties: {
    source: { type: scalarText, description: 'A file or folder in the revision, relative to its root. `/` is the whole revision.' },
    destination: { type: scalarText, description: 'The absolute folder on the instance the source is copied into.' },
    // Misplaced here (the agent ignores it); declared so the misplaced-file-exists-behavior rule reports it instead of unknown-key.
    file_exists_behavior: { description: 'Ignored here: file_exists_behavior is a top-level key.', 'x-semantic': true },
    // Not read by the agent; the most common invalid key in the wild, reported with the real way to overwrite.
    overwrite: { description: 'Ignored by the agent: use the top-level file_exists_behavior: OVERWRITE.', 'x-semantic': true },
  },
  required: ['source', 'destination'],
  additionalProperties: false,
};

const scriptEntry: AppSpecSchema = {
  type: 'object',
  description: 'One script the agent runs for this event.',
  properties: {
    location: { description: 'The script, relative to the revision root (a leading / is relative too).', 'x-semantic': true },
    timeout: { description: 'Seconds before the agent stops the script (default 3600).', 'x-semantic': true },
    runas: { type: ['string', 'number', 'null'], description: 'Linux: the user the script runs as (ignored on Windows).' },
    sudo: { description: 'Linux, undocumented: prefix the command with sudo (ignored on Windows).' },
  },
  required: ['location'],
  'x-required-codes': { location: 'missing-location' },
  additionalProperties: false,
};

const eventScripts: AppSpecSchema = {
  type: ['array', 'null'],
  description: 'The scripts of one lifecycle event, in the order they run.',
  // No x-message on items: it would also replace the missing-location message.
  items: scriptEntry,
  'x-message': 'A lifecycle event must hold a list of script entries, each starting with a dash (`- location: scripts/run.sh`); the agent crashes on any other shape.',
};

const selinuxContext: AppSpecSchema = {
  type: ['object', 'null'],
  description: 'SELinux context applied with semanage/restorecon.',
  properties: {
    name: { type: scalarText, description: 'The SELinux user (the key is `name`, not `user`).' },
    type: { description: 'The SELinux type, e.g. httpd_sys_content_t. Required by the agent.', 'x-semantic': true },
    range: {
      type: ['string', 'null'],
      description: 'The MLS/MCS range, e.g. s0 or s0-s0:c0.c1023. Give one: a context without range crashes the Install.',
      'x-message': '`range` must be a string such as s0 or s0-s0:c0.c1023; the agent crashes on any other shape.',
    },
    user: { description: 'Ignored by the agent, which reads the SELinux user from `name`.', 'x-semantic': true },
  },
  required: ['type'],
  'x-required-codes': { type: 'context-missing-type' },
  additionalProperties: false,
};

const stringList = (what: string, item: AppSpecSchema['type']): AppSpecSchema => ({
  type: ['array', 'null'],
  items: { type: item },
  'x-message': `\`${what}\` must be a list (\`${what}: [...]\`); the agent crashes on a single value.`,
});

const permissionEntry: AppSpecSchema = {
  type: 'object',
  description: 'Owner, group, mode, ACLs and SELinux context for installed files under `object`.',
  properties: {
    object: {
      type: scalarText,
      pattern: '\\S',
      description: 'A file or folder on the instance this deployment installs.',
      'x-message': '`object` must name a file or folder on the instance; the agent rejects an entry whose object is empty.',
    },
    pattern: { type: scalarText, description: '"**" (default): everything below `object`; otherwise a simple glob matched against immediate child names.' },
    except: { ...stringList('except', scalarText), description: 'Immediate child names (simple globs) to leave out.' },
    type: {
      type: ['array', 'null'],
      items: { enum: ['file', 'directory'], 'x-code': 'invalid-permission-type' },
      description: 'Which installed objects get the permissions: [file], [directory] or both (default).',
      'x-message': '`type` must be a list such as `[file]` or `[file, directory]`; the agent crashes on a single value.',
    },
    owner: { type: scalarText, description: 'User name that will own the objects.' },
    group: { type: scalarText, description: 'Group name for the objects.' },
    mode: { description: 'Octal mode, up to four digits: 644, "0755", 4755.', 'x-semantic': true },
    acls: { ...stringList('acls', 'string'), description: 'ACL entries such as u:bob:rw or d:g:web:rx, applied with setfacl.' },
    context: selinuxContext,
  },
  required: ['object'],
  additionalProperties: false,
};

const ignoredOnEc2 = (description: string): AppSpecSchema => ({ description, 'x-semantic': true });

export const ec2Schema: AppSpecSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://codedeploy-vscode.github.io/schemas/appspec-ec2.schema.json',
  title: 'AWS CodeDeploy AppSpec (EC2/On-Premises)',
  type: 'object',
  properties: {
    version: { description: 'The AppSpec version: the number 0.0.', 'x-semantic': true },
    os: { description: 'The instance operating system: linux or windows.', 'x-semantic': true },
    files: {
      type: ['array', 'null'],
      description: 'Files to copy from the revision to the instance during Install.',
      items: fileMapping,
      'x-message': '`files` must be a list of mappings, each starting with a dash (`- source: /`); the agent crashes on any other shape.',
    },
    file_exists_behavior: {
      enum: ['DISALLOW', 'OVERWRITE', 'RETAIN', null],
      description: 'What Install does with files that already exist at a destination.',
      'x-semantic': true,
    },
    permissions: {
      type: ['array', 'null'],
      description: 'Permissions applied to installed files (Linux only).',
      items: permissionEntry,
      'x-message': '`permissions` must be a list of mappings, each starting with a dash (`- object: /var/www`); the agent crashes on any other shape.',
    },
    hooks: {
      type: ['object', 'null'],
      description: 'Scripts to run per lifecycle event.',
      additionalProperties: eventScripts,
      'x-message': '`hooks` must be a mapping from event name to scripts (`BeforeInstall:` then `- location: …`); the ECS/Lambda list style (`- BeforeInstall: …`) crashes the agent.',
    },
    Resources: ignoredOnEc2('An ECS/Lambda section; the EC2/On-Premises agent ignores it.'),
    resources: ignoredOnEc2('An ECS/Lambda section; the EC2/On-Premises agent ignores it.'),
    // Capitalised forms (ECS/Lambda style) are ignored by the case-sensitive agent; a rule says what that costs.
    Hooks: ignoredOnEc2('Ignored on EC2/On-Premises: keys are case-sensitive, write hooks.'),
    Files: ignoredOnEc2('Ignored on EC2/On-Premises: keys are case-sensitive, write files.'),
    Permissions: ignoredOnEc2('Ignored on EC2/On-Premises: keys are case-sensitive, write permissions.'),
  },
  additionalProperties: false,
};

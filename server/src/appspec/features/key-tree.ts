import type { Platform } from '../types';

/**
 * What the editor knows about every AppSpec key, per platform: the keys valid under each path,
 * their documentation (hover) and insert text (completion), and the allowed values of enum keys.
 * Paths use the same segments as CursorContext ('-' for a list item); `anyKey` stands for names
 * the author chooses (hook events, resource logical names).
 */
export interface ValueSpec {
  value: string;
  doc: string;
}

export interface KeySpec {
  name: string;
  doc: string;
  /** Snippet inserted after the key (default `: `), e.g. a nested block. */
  body?: string;
  values?: readonly ValueSpec[];
  required?: boolean;
}

export interface KeyNode {
  keys?: readonly KeySpec[];
  children?: Readonly<Record<string, KeyNode>>;
  /** The node for list items. */
  items?: KeyNode;
  /** The node under a key the author names (event names, logical resource names). */
  anyKey?: KeyNode;
  /** Keys here are lifecycle event names of the platform. */
  events?: boolean;
}

const SCRIPT_ENTRY: KeyNode = {
  keys: [
    { name: 'location', required: true, doc: 'Path of the script **inside the revision**, relative to the revision root (the folder holding the AppSpec). A leading `/` does not make it an instance path: `/scripts/start.sh` is still `<revision>/scripts/start.sh`. Name the file only; arguments or an interpreter make the path not exist.' },
    { name: 'timeout', doc: 'Seconds the agent lets the script run before killing its process group (error code 3). Optional; default **3600**. Must be a whole number above 0. The service fails a lifecycle event after 3600 s, so the timeouts of one event should add up to at most 3600.' },
    { name: 'runas', doc: 'Linux user the script runs as (`su <user> -c <script>`). The user must exist on the instance and `su` must not ask for a password. Ignored on Windows.' },
    { name: 'sudo', doc: 'Undocumented agent option: `true` prefixes the command with `sudo`. Ignored on Windows.', values: [{ value: 'true', doc: 'Run through sudo.' }, { value: 'false', doc: 'Run directly (default).' }] },
  ],
};

const FILE_EXISTS: readonly ValueSpec[] = [
  { value: 'DISALLOW', doc: 'Fail the Install when a destination file already exists and the previous deployment did not install it (the default).' },
  { value: 'OVERWRITE', doc: 'Replace existing destination files with the revision\'s.' },
  { value: 'RETAIN', doc: 'Keep existing destination files; the revision\'s copy is skipped (and not recorded as installed).' },
];

export const EC2_TREE: KeyNode = {
  keys: [
    { name: 'version', required: true, doc: 'AppSpec version. Required, and the only value is the number **0.0** (unquoted: the agent rejects the string "0.0").', values: [{ value: '0.0', doc: 'The only AppSpec version.' }] },
    { name: 'os', required: true, doc: 'Operating system of the instances: exactly `linux` or `windows` (lower case). A Linux agent accepts only `linux`, a Windows agent only `windows`.', values: [{ value: 'linux', doc: 'Amazon Linux, Ubuntu, RHEL and other Linux instances.' }, { value: 'windows', doc: 'Windows Server instances (no `permissions`, `runas` ignored).' }] },
    { name: 'files', body: ':\n  - source: ${1:/}\n    destination: ${2:/var/www/app}', doc: 'What the **Install** event copies from the revision to the instance: a list of `source` / `destination` pairs. A source file is copied *into* the destination folder; a source folder\'s contents are copied recursively.' },
    { name: 'permissions', body: ':\n  - object: ${1:/var/www/app}\n    owner: ${2:root}\n    mode: "${3:0755}"', doc: 'Permissions the Install event applies to the files and folders it installed (Linux only): owner, group, mode, ACLs and SELinux context, per `object`.' },
    { name: 'hooks', body: ':\n  ', doc: 'Scripts to run at lifecycle events: a mapping from event name to a list of script entries (`location`, `timeout`, `runas`).' },
    { name: 'file_exists_behavior', doc: 'What Install does when a destination file already exists and the previous deployment did not install it. Overrides the deployment\'s setting. Upper case only.', values: FILE_EXISTS },
  ],
  children: {
    files: {
      items: {
        keys: [
          { name: 'source', required: true, doc: 'File or folder **in the revision**, relative to the revision root; `/` is the whole revision (including the AppSpec and scripts). A leading `/` does not make it absolute.' },
          { name: 'destination', required: true, doc: 'Absolute folder on the instance the source is copied into (`/var/www/app`, `C:\\inetpub\\app`). Missing parent folders are created. A file cannot be renamed: it keeps its name inside `destination`.' },
        ],
      },
    },
    permissions: {
      items: {
        keys: [
          { name: 'object', required: true, doc: 'Installed file or folder on the instance the entry applies to. For a folder, the entry applies to what is installed **below** it, not to the folder itself.' },
          { name: 'pattern', doc: 'Glob over the **immediate children** of `object` (`*` is the only wildcard); absent or `"**"` means everything below at any depth. Quote it: `pattern: "*.sh"`.' },
          { name: 'except', body: ': [$1]', doc: 'List of child names (simple globs) to leave out. Must be a list; entries with `/` never match.' },
          { name: 'owner', doc: 'User that owns the matched objects. Must exist on the instance, or the Install fails.' },
          { name: 'group', doc: 'Group of the matched objects. Must exist on the instance, or the Install fails.' },
          { name: 'mode', doc: 'Octal permission mode such as `644` or `"0755"`. **Quote modes with a leading 0**: YAML reads an unquoted `0644` as the octal number 420, and the agent then applies mode 420.' },
          { name: 'acls', body: ':\n  - ${1:u:user:rwx}', doc: 'List of ACL entries (`[d:][u|g|m|o:][name]:perms`), applied with `setfacl --set`.' },
          { name: 'context', body: ':\n  type: ${1:httpd_sys_content_t}\n  range: ${2:s0}', doc: 'SELinux context: `name` (the SELinux user), `type` (required) and `range` (give it: a context without `range` crashes the Install).' },
          { name: 'type', body: ': [${1|file,directory|}]', doc: 'List of object kinds the entry applies to: `file`, `directory` or both (default both). Must be a list.', values: [{ value: 'file', doc: 'Apply to files.' }, { value: 'directory', doc: 'Apply to folders.' }] },
        ],
        children: {
          context: {
            keys: [
              { name: 'name', doc: 'SELinux user (the agent reads `name`; a `user` key is ignored).' },
              { name: 'type', required: true, doc: 'SELinux type, e.g. `httpd_sys_content_t`. Required by the agent.' },
              { name: 'range', doc: 'SELinux range such as `s0` or `s0-s1:c0.c3`. Always give one.' },
            ],
          },
        },
      },
    },
    hooks: { events: true, anyKey: { items: SCRIPT_ENTRY } },
  },
};

const RESOURCE_KEYS = (type: string): KeySpec[] => [
  { name: 'Type', required: true, doc: `Resource type; must be \`${type}\`.`, values: [{ value: type, doc: 'The only type this platform deploys.' }] },
  { name: 'Properties', required: true, body: ':\n  ', doc: 'The resource\'s properties.' },
];

export const ECS_TREE: KeyNode = {
  keys: [
    { name: 'version', required: true, doc: 'AppSpec version: **0.0**.', values: [{ value: '0.0', doc: 'The only AppSpec version.' }] },
    { name: 'Resources', required: true, body: ':\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: ${1:<TASK_DEFINITION>}\n        LoadBalancerInfo:\n          ContainerName: ${2:web}\n          ContainerPort: ${3:80}', doc: 'Exactly one `TargetService` entry: the ECS service, its new task definition and the container that receives traffic.' },
    { name: 'Hooks', body: ':\n  - ', doc: 'Lambda functions to run at lifecycle events: a list of `- EventName: FunctionNameOrArn`. Each function must report back with PutLifecycleEventHookExecutionStatus within one hour.' },
  ],
  children: {
    Resources: {
      items: {
        anyKey: {
          keys: RESOURCE_KEYS('AWS::ECS::Service'),
          children: {
            Properties: {
              keys: [
                { name: 'TaskDefinition', required: true, doc: 'ARN of the task definition to deploy (`arn:aws:ecs:REGION:ACCOUNT:task-definition/FAMILY:REVISION`), or the `<TASK_DEFINITION>` placeholder CodePipeline fills in.' },
                { name: 'LoadBalancerInfo', required: true, body: ':\n  ContainerName: ${1:web}\n  ContainerPort: ${2:80}', doc: 'The container and port the load balancer routes traffic to (a mapping, not a list).' },
                { name: 'PlatformVersion', doc: 'Fargate platform version, e.g. `LATEST` or `1.4.0`. Optional.' },
                { name: 'NetworkConfiguration', body: ':\n  AwsvpcConfiguration:\n    Subnets: [${1}]\n    SecurityGroups: [${2}]\n    AssignPublicIp: ${3|DISABLED,ENABLED|}', doc: 'awsvpc network settings of the replacement task set. Give Subnets, SecurityGroups and AssignPublicIp together, or leave the whole block out to keep the service\'s settings.' },
                { name: 'CapacityProviderStrategy', body: ':\n  - CapacityProvider: ${1:FARGATE}\n    Base: ${2:1}\n    Weight: ${3:1}', doc: 'Capacity providers for the replacement task set: a list of `CapacityProvider`, `Base` (at most one item) and `Weight`.' },
              ],
              children: {
                LoadBalancerInfo: {
                  keys: [
                    { name: 'ContainerName', required: true, doc: 'Name of the container in the task definition that receives traffic.' },
                    { name: 'ContainerPort', required: true, doc: 'Port of that container traffic is routed to (1–65535).' },
                  ],
                },
                NetworkConfiguration: {
                  keys: [{ name: 'AwsvpcConfiguration', body: ':\n  ', doc: 'Subnets, security groups and public IP assignment (all three or none).' }],
                  children: {
                    AwsvpcConfiguration: {
                      keys: [
                        { name: 'Subnets', body: ': [$1]', doc: 'List of subnet IDs.' },
                        { name: 'SecurityGroups', body: ': [$1]', doc: 'List of security group IDs.' },
                        { name: 'AssignPublicIp', doc: 'Whether tasks get a public IP.', values: [{ value: 'ENABLED', doc: 'Give tasks a public IP.' }, { value: 'DISABLED', doc: 'No public IP (private subnets with NAT or endpoints).' }] },
                      ],
                    },
                  },
                },
                CapacityProviderStrategy: {
                  items: {
                    keys: [
                      { name: 'CapacityProvider', doc: 'Capacity provider name, e.g. `FARGATE` or `FARGATE_SPOT`.' },
                      { name: 'Base', doc: 'Tasks that always run on this provider. At most one item may set it.' },
                      { name: 'Weight', doc: 'Relative share of tasks for this provider (default 0).' },
                    ],
                  },
                },
              },
            },
          },
        },
      },
    },
    Hooks: { items: { events: true } },
  },
};

export const LAMBDA_TREE: KeyNode = {
  keys: [
    ECS_TREE.keys![0],
    { name: 'Resources', required: true, body: ':\n  - ${1:myLambdaFunction}:\n      Type: AWS::Lambda::Function\n      Properties:\n        Name: ${2:my-function}\n        Alias: ${3:live}\n        CurrentVersion: "${4:1}"\n        TargetVersion: "${5:2}"', doc: 'Exactly one function entry (any logical name): the function, its alias, and the versions to shift between.' },
    { name: 'Hooks', body: ':\n  - ', doc: 'Lambda functions to run before and after traffic shifts: a list of `- EventName: FunctionName`. Each must report back with PutLifecycleEventHookExecutionStatus within one hour.' },
  ],
  children: {
    Resources: {
      items: {
        anyKey: {
          keys: RESOURCE_KEYS('AWS::Lambda::Function'),
          children: {
            Properties: {
              keys: [
                { name: 'Name', required: true, doc: 'Name of the Lambda function being deployed.' },
                { name: 'Alias', required: true, doc: 'Alias whose traffic shifts from CurrentVersion to TargetVersion.' },
                { name: 'CurrentVersion', required: true, doc: 'Version the alias points to now (a positive whole number, not `$LATEST`).' },
                { name: 'TargetVersion', required: true, doc: 'Version to shift the alias to (a positive whole number, not `$LATEST`).' },
              ],
            },
          },
        },
      },
    },
    Hooks: { items: { events: true } },
  },
};

export const TREES: Readonly<Record<Platform, KeyNode>> = { ec2: EC2_TREE, ecs: ECS_TREE, lambda: LAMBDA_TREE };

/** The node for a path, following children case-insensitively on ECS/Lambda (where `resources` is seen). */
export function nodeAt(platform: Platform, path: readonly string[]): KeyNode | undefined {
  let node: KeyNode | undefined = TREES[platform];
  for (const segment of path) {
    if (!node) return undefined;
    if (segment === '-') {
      node = node.items;
      continue;
    }
    const children: Readonly<Record<string, KeyNode>> = node.children ?? {};
    const exact: KeyNode | undefined = children[segment];
    const folded = platform === 'ec2' ? undefined : Object.entries(children).find(([name]) => name.toLowerCase() === segment.toLowerCase())?.[1];
    node = exact ?? folded ?? node.anyKey;
  }
  return node;
}

/** The spec of key `name` under `path`, for hover and value completion. */
export function keySpecAt(platform: Platform, path: readonly string[], name: string): KeySpec | undefined {
  const keys = nodeAt(platform, path)?.keys ?? [];
  return keys.find((spec) => spec.name === name) ?? (platform === 'ec2' ? undefined : keys.find((spec) => spec.name.toLowerCase() === name.toLowerCase()));
}

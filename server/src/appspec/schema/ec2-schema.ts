import type { AppSpecSchema } from './schema-types';

/**
 * EC2/On-Premises AppSpec: what the CodeDeploy agent's parser accepts (appspec-rules.md §2–8).
 * Where the agent accepts null (`files:`, `hooks:`, an empty event) the schema does too.
 */
const fileMapping: AppSpecSchema = {
  type: 'object',
  description: 'Copies `source` (relative to the revision root) into the `destination` folder on the instance.',
  properties: {
    source: { type: ['string', 'number'], description: 'A file or folder in the revision, relative to its root. `/` is the whole revision.' },
    destination: { type: ['string', 'number'], description: 'The absolute folder on the instance the source is copied into.' },
  },
  required: ['source', 'destination'],
  'x-required-codes': {},
};

export const ec2Schema: AppSpecSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://codedeploy-vscode.github.io/schemas/appspec-ec2.schema.json',
  title: 'AWS CodeDeploy AppSpec (EC2/On-Premises)',
  type: 'object',
  properties: {
    version: { description: 'The AppSpec version: the number 0.0.', 'x-semantic': true },
    os: { description: 'The instance operating system: linux or windows.', 'x-semantic': true },
    files: { type: ['array', 'null'], description: 'Files to copy from the revision to the instance during Install.', items: fileMapping },
    file_exists_behavior: { description: 'What Install does with files that already exist at a destination.', 'x-semantic': true },
    permissions: { description: 'Permissions applied to installed files (Linux only).', 'x-semantic': true },
    hooks: { description: 'Scripts to run per lifecycle event.', 'x-semantic': true },
  },
  additionalProperties: false,
};

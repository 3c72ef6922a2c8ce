import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { PLATFORM_SCHEMAS, SCHEMA_FILES } from '../../../../server/src/appspec/schema/platform-schemas';
import type { Platform } from '../../../../server/src/appspec/types';

const repoRoot = path.resolve(__dirname, '../../../../..');

describe('schemas/*.json', () => {
  for (const platform of Object.keys(SCHEMA_FILES) as Platform[]) {
    it(`schemas/${SCHEMA_FILES[platform]} is up to date with the engine's ${platform} schema (run npm run schemas)`, () => {
      const written = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas', SCHEMA_FILES[platform]), 'utf8'));
      assert.deepEqual(written, JSON.parse(JSON.stringify(PLATFORM_SCHEMAS[platform])));
    });

    it(`schemas/${SCHEMA_FILES[platform]} compiles in a plain ajv that knows none of the engine's keywords`, () => {
      const written = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas', SCHEMA_FILES[platform]), 'utf8'));
      assert.doesNotThrow(() => new Ajv({ strict: false, allowUnionTypes: true }).compile(written));
    });
  }
});

// Writes schemas/*.json from the TypeScript schemas (the source of truth) so other tools, such as
// yaml-language-server, can use them. Run after changing a schema: npm run schemas
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const { SCHEMA_FILES, PLATFORM_SCHEMAS, EXTRA_SCHEMAS } = require('../out/server/src/appspec/schema/platform-schemas.js');

const outDir = path.resolve('schemas');
fs.mkdirSync(outDir, { recursive: true });
const all = { ...Object.fromEntries(Object.entries(SCHEMA_FILES).map(([platform, file]) => [file, PLATFORM_SCHEMAS[platform]])), ...(EXTRA_SCHEMAS ?? {}) };
for (const [file, schema] of Object.entries(all)) {
  fs.writeFileSync(path.join(outDir, file), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote schemas/${file}`);
}

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { documentCodes } from '../../../../server/src/appspec/codes/document';
import { ec2Codes } from '../../../../server/src/appspec/codes/ec2';
import { structureCodes } from '../../../../server/src/appspec/codes/structure';

const rulesDoc = path.resolve(__dirname, '../../../../../docs/rules.md');

describe('docs/rules.md', () => {
  const headings = new Set(fs.readFileSync(rulesDoc, 'utf8').split(/\r?\n/).filter((line) => line.startsWith('### ')).map((line) => line.slice(4).trim()));
  for (const [area, codes] of Object.entries({ document: documentCodes, structure: structureCodes, ec2: ec2Codes })) {
    it(`has a ### heading for every ${area} code`, () => {
      assert.deepEqual(Object.keys(codes).filter((code) => !headings.has(code)), []);
    });
  }
});

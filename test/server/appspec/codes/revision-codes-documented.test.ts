import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { revisionCodes } from '../../../../server/src/appspec/codes/revision';

const rulesDoc = path.resolve(__dirname, '../../../../../docs/rules.md');

describe('docs/rules.md: revision checks', () => {
  it('has one ### heading per revision code, inside the Revision checks section', () => {
    const text = fs.readFileSync(rulesDoc, 'utf8');
    const start = text.indexOf('\n## Revision checks');
    assert.ok(start >= 0, 'no "## Revision checks" section');
    const next = text.indexOf('\n## ', start + 1);
    const section = text.slice(start, next < 0 ? undefined : next);
    const headings = section.split(/\r?\n/).filter((line) => line.startsWith('### ')).map((line) => line.slice(4).trim());
    assert.deepEqual([...headings].sort(), Object.keys(revisionCodes).sort());
  });
});

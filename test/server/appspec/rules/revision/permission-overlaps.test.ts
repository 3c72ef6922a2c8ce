import * as assert from 'node:assert/strict';
import { nodeFileAccess } from '../../../../../server/src/fs/node-file-access';
import { diagnoseRevision, expectRevisionAt } from '../../../../support/appspec';
import { TempRevisions } from '../../../../support/temp-revision';

const TREE = { 'app/run.sh': '#!/bin/sh\n', 'app/debug.sh': '#!/bin/sh\n', 'app/lib/deep.sh': '#!/bin/sh\n' };
const FILES = 'version: 0.0\nos: linux\nfiles:\n  - source: app\n    destination: /opt/app\npermissions:\n';

describe('revision: permissions set twice', () => {
  const revisions = new TempRevisions();
  afterEach(() => revisions.disposeAll());

  it('reports a copied file that a folder entry already covers, at the file entry, naming the folder entry', async () => {
    const files = nodeFileAccess(revisions.make(TREE).root);
    const [found] = await expectRevisionAt(`${FILES}  - object: /opt/app\n    mode: 755\n  - object: [[/opt/app/run.sh]]\n    mode: 700\n`, 'permission-set-twice', 'error', { files });
    assert.match(found.message, /\/opt\/app\/run\.sh is a file this deployment copies, and the permissions entry on line 7 \(object \/opt\/app\) already sets it.*except: \[run\.sh\]/);
    await expectRevisionAt(`${FILES}  - object: /opt\n    pattern: "**"\n  - object: [[/opt/app/lib/deep.sh]]\n    mode: 700\n`, 'permission-set-twice', 'error', { files });
    await expectRevisionAt(`${FILES}  - object: /opt/app/run.sh\n    mode: 700\n  - object: [[/opt/app/run.sh]]\n    owner: app\n`, 'permission-set-twice', 'error', { files });
  });

  it('accepts entries the agent keeps apart: except, a pattern for other names or only immediate children, folders only', async () => {
    const files = nodeFileAccess(revisions.make(TREE).root);
    for (const entries of [
      '  - object: /opt/app\n    mode: 755\n    except: [run.sh]\n  - object: /opt/app/run.sh\n    mode: 700\n',
      '  - object: /opt/app\n    pattern: "*.txt"\n  - object: /opt/app/run.sh\n    mode: 700\n',
      '  - object: /opt/app\n    pattern: "*.sh"\n  - object: /opt/app/lib/deep.sh\n    mode: 700\n',
      '  - object: /opt/app\n    type: [directory]\n  - object: /opt/app/run.sh\n    mode: 700\n',
      '  - object: /opt/app/run.sh\n    mode: 700\n  - object: /opt/app/missing.sh\n    mode: 700\n',
    ]) {
      const found = (await diagnoseRevision(`${FILES}${entries}`, { files })).filter((d) => d.code === 'permission-set-twice');
      assert.deepEqual(found, [], entries);
    }
  });
});

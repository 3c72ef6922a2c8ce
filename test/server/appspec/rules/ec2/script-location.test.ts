import * as assert from 'node:assert/strict';
import { expectAt, expectClean } from '../../../../support/appspec';

const at = (location: string, os = 'linux') => `version: 0.0\nos: ${os}\nhooks:\n  ApplicationStart:\n    - location: ${location}\n`;

describe('ec2: script location', () => {
  it('requires a location key in every script entry', () => {
    expectAt('version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - [[timeout]]: 30\n', 'missing-location', 'error');
    expectAt('version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - [[location]]:\n', 'missing-location', 'error');
    expectAt(at('[["  "]]'), 'missing-location', 'error');
  });

  it('rejects a command line with the script as replacement', () => {
    const [found] = expectAt(at('[[sh ./validate.sh]]'), 'location-with-arguments', 'error');
    assert.equal(found.data?.replacement, './validate.sh');
    expectAt(at('[[scripts/start.sh --port 80]]'), 'location-with-arguments', 'error');
  });

  it('warns about spaces in a Linux script path', () => {
    expectAt(at('[[my scripts/start.sh]]'), 'location-with-spaces', 'warning');
  });

  it('reports an instance path as an error: the agent looks it up inside the revision', () => {
    const [found] = expectAt(at('[[/opt/tomcat/bin/startup.sh]]'), 'absolute-location', 'error');
    assert.match(found.message, /<revision>\/opt\/tomcat\/bin\/startup\.sh/);
    expectAt(at('[[C:\\scripts\\start.ps1]]', 'windows'), 'absolute-location', 'error');
  });

  it('notes that a leading / in a bundle path is ignored', () => {
    const [found] = expectAt(at('[[/scripts/start.sh]]'), 'leading-slash-location', 'information');
    assert.equal(found.data?.replacement, 'scripts/start.sh');
  });

  it('accepts bundle-relative paths, Windows backslash forms and placeholders', () => {
    for (const location of ['scripts/start.sh', './scripts/start.sh', 'scripts/start_server', '"${SCRIPT}"']) expectClean(at(location));
    for (const location of ['\\before-install.bat', 'scripts\\x.ps1', '.\\scripts\\CreateWebSite.ps1', "'\\deploy\\start.ps1'"]) expectClean(at(location, 'windows'));
  });
});

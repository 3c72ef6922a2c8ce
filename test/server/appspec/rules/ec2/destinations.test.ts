import * as assert from 'node:assert/strict';
import { expectAt, expectClean } from '../../../../support/appspec';

const files = (destination: string, os = 'linux', source = '/') => `version: 0.0\nos: ${os}\nfiles:\n  - source: ${source}\n    destination: ${destination}\n`;

describe('ec2: destinations', () => {
  it('warns about relative destinations on Linux and Windows', () => {
    expectAt(files('[[webapp]]'), 'relative-destination', 'warning');
    const [home] = expectAt(files('[[~/app]]'), 'relative-destination', 'warning');
    assert.match(home.message, /home folder/);
    expectAt(files('[[inetpub\\wwwroot]]', 'windows'), 'relative-destination', 'warning');
  });

  it('notes a destination that looks like a file name', () => {
    const [found] = expectAt(files('[[/etc/app/app.conf]]', 'linux', 'conf/app.prod.conf'), 'destination-looks-like-file', 'information');
    assert.match(found.message, /\/etc\/app\/app\.conf\/app\.prod\.conf/);
  });

  it('accepts absolute Linux paths and the Windows forms seen in real files', () => {
    for (const destination of ['/var/www/html', '/var/www/example.com', '/opt/app/']) expectClean(files(destination));
    for (const destination of ['C:\\inetpub\\wwwroot', 'c:\\inetpub\\wwwroot', 'C:/aws-ci-cd-101', "'C:\\inetpub\\wwwroot'", 'C:\\deployments\\ussd\\', 'C:\\Program Files\\app', '\\inetpub']) {
      expectClean(files(destination, 'windows', '\\'));
    }
    expectClean(files('"${DEPLOY_DIR}"'));
  });
});

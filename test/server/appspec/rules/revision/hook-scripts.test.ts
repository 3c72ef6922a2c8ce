import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { revisionCodes } from '../../../../../server/src/appspec/codes/revision';
import { nodeFileAccess } from '../../../../../server/src/fs/node-file-access';
import type { FileAccess } from '../../../../../server/src/appspec/types';
import { dedent, diagnoseRevision, expectRevisionAt } from '../../../../support/appspec';
import { TempRevisions } from '../../../../support/temp-revision';

const SH = '#!/bin/bash\necho ok\n';

/** Only the revision codes: other rule areas may have their own say about the same AppSpec. */
async function revisionFindings(source: string, files: FileAccess): Promise<string[]> {
  const all = await diagnoseRevision(dedent(source), { files });
  return all.filter((d) => d.code in revisionCodes || d.code === 'internal-error').map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`);
}

/** The revision as a macOS or Windows disk shows it: every name matches in any letter case. */
function caseInsensitiveDisk(root: string): FileAccess {
  const disk = nodeFileAccess(root);
  async function onDisk(relative: string): Promise<string | undefined> {
    let found = '.';
    for (const name of relative.split('/').filter((segment) => segment !== '.')) {
      const entry = (await disk.list(found))?.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
      if (!entry) return undefined;
      found = found === '.' ? entry.name : `${found}/${entry.name}`;
    }
    return found;
  }
  return {
    stat: async (relative) => {
      const actual = await onDisk(relative);
      return actual === undefined ? undefined : disk.stat(actual);
    },
    readText: async (relative, maxBytes) => {
      const actual = await onDisk(relative);
      return actual === undefined ? undefined : disk.readText(actual, maxBytes);
    },
    list: async (relative) => {
      const actual = await onDisk(relative);
      return actual === undefined ? undefined : disk.list(actual);
    },
  };
}

describe('revision: hook scripts', () => {
  const revisions = new TempRevisions();
  afterEach(() => revisions.disposeAll());

  it('accepts runnable scripts found relative to the AppSpec folder, with or without a leading / or ./', async () => {
    const revision = revisions.make({ 'scripts/start.sh': SH, 'stop.sh': SH });
    const findings = await revisionFindings(
      `
      version: 0.0
      os: linux
      hooks:
        ApplicationStart:
          - location: scripts/start.sh
          - location: /scripts/start.sh
          - location: ./stop.sh
          - location: "  stop.sh  "
      `,
      nodeFileAccess(revision.root),
    );
    assert.deepEqual(findings, []);
  });

  it('warns about a missing script at its location value, with the nearest name', async () => {
    const revision = revisions.make({ 'scripts/install_dependencies': SH });
    const [found] = await expectRevisionAt(
      `
      version: 0.0
      os: linux
      hooks:
        BeforeInstall:
          - location: [[scripts/installing_dependencies]]
            timeout: 300
      `,
      'script-not-found',
      'warning',
      { files: nodeFileAccess(revision.root) },
    );
    assert.match(found.message, /Did you mean scripts\/install_dependencies\?/);
    assert.equal(found.data?.path, 'scripts/installing_dependencies');
  });

  it('points at the script one folder down when the AppSpec names it at the root', async () => {
    const revision = revisions.make({ 'scripts/deploy.sh': SH });
    const [found] = await expectRevisionAt('version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: [[deploy.sh]]\n', 'script-not-found', 'warning', { files: nodeFileAccess(revision.root) });
    assert.match(found.message, /Did you mean scripts\/deploy\.sh\?/);
  });

  it('reports a script repeated under several events at each place', async () => {
    const revision = revisions.make({});
    await expectRevisionAt(
      `
      version: 0.0
      os: linux
      hooks:
        BeforeInstall:
          - location: [[say_hello.sh]]
        AfterInstall:
          - location: [[say_hello.sh]]
      `,
      'script-not-found',
      'warning',
      { files: nodeFileAccess(revision.root) },
    );
  });

  it('mentions that location takes no interpreter or arguments', async () => {
    const revision = revisions.make({ 'validate.sh': SH });
    const [found] = await expectRevisionAt('version: 0.0\nos: linux\nhooks:\n  ValidateService:\n    - location: [[sh ./validate.sh]]\n', 'script-not-found', 'warning', { files: nodeFileAccess(revision.root) });
    assert.match(found.message, /no interpreter or arguments/);
  });

  it('calls an instance path that the revision does not hold an error, and says where the agent looks', async () => {
    const revision = revisions.make({ 'scripts/start.sh': SH });
    const [found] = await expectRevisionAt('version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: [[/opt/tomcat/bin/startup.sh]]\n', 'absolute-location', 'error', { files: nodeFileAccess(revision.root) });
    assert.match(found.message, /runs <revision>\/opt\/tomcat\/bin\/startup\.sh/);
    const findings = await revisionFindings('version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: /opt/tomcat/bin/startup.sh\n', nodeFileAccess(revision.root));
    assert.deepEqual(findings, [], 'one diagnostic per mistake: the revision checks stay quiet');
  });

  it('keeps a rooted path into a folder the revision has at a warning when the file is missing', async () => {
    const revision = revisions.make({ 'scripts/start.sh': SH });
    await expectRevisionAt('version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: [[/scripts/stop.sh]]\n', 'script-not-found', 'warning', { files: nodeFileAccess(revision.root) });
  });

  it('keeps a rooted path outside the instance folders at a warning: CI may assemble that folder', async () => {
    const revision = revisions.make({ 'appspec.yml': 'x' });
    await expectRevisionAt('version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: [[/deploy-scripts/start.sh]]\n', 'script-not-found', 'warning', { files: nodeFileAccess(revision.root) });
    await expectRevisionAt('version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: /deploy-scripts/start.sh\n', 'path-escapes-revision', 'error', { files: nodeFileAccess(revision.root) });
  });

  it('holds a Linux AppSpec to the exact letter case even on a disk that ignores case', async () => {
    const revision = revisions.make({ 'start.sh': SH, 'scripts/stop.sh': SH });
    const files = caseInsensitiveDisk(revision.root);
    const [found] = await expectRevisionAt('version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: [[Start.sh]]\n    - location: [[SCRIPTS/stop.sh]]\n    - location: scripts/stop.sh\n', 'script-not-found', 'warning', { files });
    assert.match(found.message, /File names are case-sensitive on Linux: did you mean start\.sh\?/);
  });

  it('rejects .. that climbs out of the revision root', async () => {
    const revision = revisions.make({ 'app/scripts/a.sh': SH });
    const files = nodeFileAccess(revision.at('app'));
    await expectRevisionAt('version: 0.0\nos: linux\nhooks:\n  BeforeInstall:\n    - location: [[../outside.sh]]\n    - location: scripts/../scripts/a.sh\n', 'path-escapes-revision', 'error', { files });
  });

  it('rejects a script that is a symbolic link pointing out of the tree', async () => {
    const outside = revisions.make({ 'real.sh': SH });
    const revision = revisions.make({ 'scripts/start.sh': { link: outside.at('real.sh') } });
    const [found] = await expectRevisionAt('version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: [[scripts/start.sh]]\n', 'path-escapes-revision', 'error', { files: nodeFileAccess(revision.root) });
    assert.match(found.message, /link to a file outside the revision/);
  });

  it('accepts a symbolic link that stays inside the revision', async () => {
    const revision = revisions.make({ 'scripts/real.sh': SH, 'scripts/start.sh': { link: 'real.sh' } });
    assert.deepEqual(await revisionFindings('version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: scripts/start.sh\n', nodeFileAccess(revision.root)), []);
  });

  it('rejects a folder named like a script', async () => {
    const revision = revisions.make({ 'scripts/start.sh': { folder: true } });
    await expectRevisionAt('version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: [[scripts/start.sh]]\n    - location: [[/]]\n', 'script-is-directory', 'error', { files: nodeFileAccess(revision.root) });
  });

  it('warns about CRLF line endings and says which interpreter line breaks', async () => {
    const revision = revisions.make({ 'start.sh': '#!/bin/bash\r\necho ok\r\n' });
    const [found] = await expectRevisionAt('version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: [[start.sh]]\n', 'script-crlf', 'warning', { files: nodeFileAccess(revision.root) });
    assert.match(found.message, /\(\/bin\/bash\\r: bad interpreter\)/);
  });

  it('warns about a script without a #! line, and one whose #! hides behind a BOM', async () => {
    const revision = revisions.make({ 'plain.sh': 'echo hi\n', 'bom.sh': '\ufeff#!/bin/bash\necho hi\n' });
    const [plain, bom] = await expectRevisionAt('version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: [[plain.sh]]\n    - location: [[bom.sh]]\n', 'script-no-shebang', 'warning', { files: nodeFileAccess(revision.root) });
    assert.match(plain.message, /runs under \/bin\/sh/);
    assert.match(bom.message, /byte-order mark/);
  });

  it('gives only a hint for a script that is not executable', async () => {
    const revision = revisions.make({ 'start.sh': { content: SH, mode: 0o644 } });
    const [found] = await expectRevisionAt('version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: [[start.sh]]\n', 'script-not-executable', 'hint', { files: nodeFileAccess(revision.root) });
    assert.equal(found.data?.path, 'start.sh');
  });

  it('does not ask a compiled program for a #! line or LF endings', async () => {
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]), Buffer.from('\r\n\r\n')]);
    const revision = revisions.make({ 'bin/server': elf });
    assert.deepEqual(await revisionFindings('version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: bin/server\n', nodeFileAccess(revision.root)), []);
  });

  it('reads only the first few KB of a huge script', async () => {
    const huge = Buffer.alloc(24 * 1024 * 1024, 0x61);
    huge.write('#!/bin/bash\n');
    huge.write('\r\n', huge.length - 2);
    const revision = revisions.make({ 'huge.sh': huge });
    const real = nodeFileAccess(revision.root);
    const asked: number[] = [];
    const recording: FileAccess = { ...real, readText: (relative, maxBytes) => (asked.push(maxBytes), real.readText(relative, maxBytes)) };
    assert.deepEqual(await revisionFindings('version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: huge.sh\n', recording), []);
    assert.ok(asked.length === 1 && asked[0] <= 64 * 1024, `read ${asked.join(', ')} bytes`);
  });

  it('does not hang on a named pipe where a script should be', async function () {
    if (process.platform === 'win32') this.skip();
    const revision = revisions.make({});
    execFileSync('mkfifo', [revision.at('start.sh')]);
    assert.deepEqual(await revisionFindings('version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: start.sh\n', nodeFileAccess(revision.root)), []);
  });

  it('flags backslashes in a Linux AppSpec and still checks the file that was meant', async () => {
    const revision = revisions.make({ 'scripts/start.sh': '#!/bin/bash\r\n' });
    const files = nodeFileAccess(revision.root);
    const source = 'version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: [[scripts\\start.sh]]\n    - location: [[\\scripts\\stop.sh]]\n';
    const [start] = await expectRevisionAt(source, 'backslash-path', 'warning', { files });
    assert.equal(start.data?.replacement, 'scripts/start.sh');
    await expectRevisionAt(source.replace('[[scripts', 'scripts').replace('start.sh]]', 'start.sh'), 'script-not-found', 'warning', { files });
    await expectRevisionAt(source.replace('[[\\scripts', '\\scripts').replace('stop.sh]]', 'stop.sh'), 'script-crlf', 'warning', { files });
  });

  describe('windows', () => {
    it('accepts backslashes, .\\, a leading \\ and any letter case, and asks nothing of .ps1/.bat/.cmd/.exe', async () => {
      const revision = revisions.make({
        'Scripts/Install.ps1': { content: 'Write-Host hi\r\n', mode: 0o644 },
        'before-install.bat': { content: '@echo off\r\n', mode: 0o644 },
        'run.cmd': { content: 'echo\r\n', mode: 0o644 },
        'tool.exe': { content: 'MZ', mode: 0o644 },
      });
      const findings = await revisionFindings(
        `
        version: 0.0
        os: windows
        hooks:
          BeforeInstall:
            - location: scripts\\install.ps1
            - location: .\\SCRIPTS\\Install.ps1
            - location: \\before-install.bat
            - location: run.cmd
            - location: tool.exe
        `,
        nodeFileAccess(revision.root),
      );
      assert.deepEqual(findings, []);
    });

    it('rejects a drive path: the agent looks for it inside the revision', async () => {
      const revision = revisions.make({});
      const [found] = await expectRevisionAt("version: 0.0\nos: windows\nhooks:\n  ApplicationStart:\n    - location: [['C:\\deploy\\start.ps1']]\n", 'absolute-location', 'error', { files: nodeFileAccess(revision.root) });
      assert.match(found.message, /relative to the revision root/);
    });

    it('still reports a missing script', async () => {
      const revision = revisions.make({ 'scripts/other.ps1': 'x' });
      await expectRevisionAt('version: 0.0\nos: windows\nhooks:\n  ApplicationStart:\n    - location: [[scripts\\start.ps1]]\n', 'script-not-found', 'warning', { files: nodeFileAccess(revision.root) });
    });
  });

  it('runs no file checks without a FileAccess (untitled documents, --no-revision-checks)', async () => {
    const all = await diagnoseRevision('version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: missing.sh\n', {});
    assert.deepEqual(all.filter((d) => d.code in revisionCodes), []);
  });

  it('honours severity overrides for revision codes', async () => {
    const revision = revisions.make({});
    await expectRevisionAt('version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: [[missing.sh]]\n', 'script-not-found', 'error', { files: nodeFileAccess(revision.root), severity: { 'script-not-found': 'error' } });
    await expectRevisionAt('version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: missing.sh\n', 'script-not-found', 'error', { files: nodeFileAccess(revision.root), severity: { 'script-not-found': 'off' } });
  });

  it('leaves template placeholders to the pipeline that fills them in', async () => {
    const revision = revisions.make({});
    const findings = await revisionFindings('version: 0.0\nos: linux\nfiles:\n  - source: ${BUILD_DIR}\n    destination: /opt/app\nhooks:\n  ApplicationStart:\n    - location: scripts/{{APP}}/start.sh\n    - location: __START_SCRIPT__\n', nodeFileAccess(revision.root));
    assert.deepEqual(findings, []);
  });

  it('skips locations that are not text and mapping-less hooks without failing', async () => {
    const revision = revisions.make({ '12': SH });
    assert.ok(fs.existsSync(revision.at('12')));
    const findings = await revisionFindings('version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: 12\n    - location: [a]\n    - location:\n  AfterInstall: scripts/x.sh\n', nodeFileAccess(revision.root));
    assert.deepEqual(findings, []);
  });
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../../support/run-cli';
import { TempRevisions } from '../../support/temp-revision';

interface JsonFile {
  file: string;
  diagnostics: Array<{ code: string; severity: string }>;
}

function codesOf(stdout: string): string[][] {
  return (JSON.parse(stdout) as JsonFile[]).map((file) => file.diagnostics.map((d) => d.code));
}

describe('cli: arguments and exit codes', () => {
  const revisions = new TempRevisions();
  afterEach(() => revisions.disposeAll());

  it('exits 0 and prints nothing for a clean revision', () => {
    const { root } = revisions.make({ 'appspec.yml': 'version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: start.sh\n', 'start.sh': '#!/bin/sh\n' });
    assert.deepEqual(runCli([root]), { status: 0, stdout: '', stderr: '' });
  });

  it('exits 0 with warnings only, and 1 once --max-warnings is exceeded', () => {
    const { root } = revisions.make({ 'appspec.yml': 'version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: missing.sh\n' });
    assert.equal(runCli([root]).status, 0);
    assert.equal(runCli(['--max-warnings', '1', root]).status, 0);
    const over = runCli(['--max-warnings', '0', root]);
    assert.equal(over.status, 1);
    assert.match(over.stderr, /too many warnings \(maximum: 0\)/);
  });

  it('picks appspec.yml, then appspec.yaml, then appspec.json in a folder, and reads .json as JSON', () => {
    const yaml = revisions.make({ 'appspec.yaml': 'version: 0.0\nos: linux\n' });
    assert.deepEqual(JSON.parse(runCli(['-f', 'json', '.'], { cwd: yaml.root }).stdout), [{ file: 'appspec.yaml', diagnostics: [] }]);
    const json = revisions.make({ 'appspec.json': '{ "version": 0.0, "os": "linux", }\n' });
    const run = runCli(['-f', 'json', '.'], { cwd: json.root });
    assert.equal(run.status, 1);
    assert.deepEqual(codesOf(run.stdout), [['json-syntax']]);
  });

  it('checks several paths in one run, once each, and roots revision checks at each AppSpec folder', () => {
    const a = revisions.make({ 'appspec.yml': 'version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: run.sh\n', 'run.sh': '#!/bin/sh\n' });
    const b = revisions.make({ 'deploy/appspec.yml': 'version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: run.sh\n', 'run.sh': '#!/bin/sh\n' });
    const run = runCli(['-f', 'json', a.root, path.join(a.root, 'appspec.yml'), b.at('deploy/appspec.yml')]);
    assert.equal(run.status, 0);
    assert.deepEqual(codesOf(run.stdout), [[], ['script-not-found']]);
  });

  it('turns the file checks off with --no-revision-checks', () => {
    const { root } = revisions.make({ 'appspec.yml': 'version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: missing.sh\n' });
    assert.deepEqual(codesOf(runCli(['-f', 'json', '--no-revision-checks', root]).stdout), [[]]);
  });

  it('validates for the platform given with --platform instead of the detected one', () => {
    const ecs = 'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: arn\n        LoadBalancerInfo: {ContainerName: web, ContainerPort: 80}\n';
    const { root } = revisions.make({ 'appspec.yml': ecs });
    assert.ok(!codesOf(runCli(['-f', 'json', root]).stdout)[0].includes('missing-os'));
    assert.ok(codesOf(runCli(['-f', 'json', '--platform', 'ec2', root]).stdout)[0].includes('missing-os'));
    const ec2 = revisions.make({ 'appspec.yml': 'version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: missing.sh\n' });
    assert.ok(!codesOf(runCli(['-f', 'json', '--platform', 'lambda', ec2.root]).stdout)[0].includes('script-not-found'));
  });

  it('exits 2 naming a path that does not exist, and still reports the others', () => {
    const { root } = revisions.make({ 'appspec.yml': 'version: 0.0\nos: linux\n' });
    const run = runCli(['-f', 'json', 'no/such/appspec.yml', root], { cwd: root });
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'appspec-lint: no/such/appspec.yml: no such file or folder\n');
    assert.deepEqual(JSON.parse(run.stdout), [{ file: 'appspec.yml', diagnostics: [] }]);
  });

  it('exits 2 for a folder without an AppSpec and names the near miss', () => {
    const { root } = revisions.make({ 'AppSpec.yml': 'version: 0.0\nos: linux\n' });
    const run = runCli(['.'], { cwd: root });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^appspec-lint: \.: no AppSpec in this folder; expected appspec\.yml, appspec\.yaml, appspec\.json \(found AppSpec\.yml: /);
  });

  it('exits 2 for usage problems with a pointer to --help', () => {
    for (const args of [[], ['--bogus', '.'], ['--format', 'xml', '.'], ['--platform', 'k8s', '.'], ['--max-warnings', 'many', '.'], ['--format']]) {
      const run = runCli(args);
      assert.equal(run.status, 2, args.join(' '));
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /^appspec-lint: .*\nRun appspec-lint --help for usage\.\n$/, args.join(' '));
    }
  });

  it('prints help and the package version', () => {
    const help = runCli(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: appspec-lint \[options\] PATH\.\.\./);
    const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../package.json'), 'utf8')) as { version: string };
    assert.deepEqual(runCli(['--version']), { status: 0, stdout: `${manifest.version}\n`, stderr: '' });
  });
});

import { didYouMean, suggest } from '../../suggest';
import { describeNode, isQuoted, scalarSource, scalarValue } from '../../yaml-nodes';
import { ec2Rule } from '../rule';

const OS_VALUES = ['linux', 'windows'];

/** E-V-1..3 and E-OS-1..2: the agent's first two checks, in its order. */
export const versionAndOs = ec2Rule('version-and-os', ({ model, report }) => {
  const version = model.top.get('version');
  if (!version) {
    report('missing-version', { start: model.root.range?.[0] ?? 0, end: model.root.range?.[0] ?? 0 }, 'The AppSpec has no `version`; add `version: 0.0` as the first line.', { replacement: 'version: 0.0\n' });
  } else {
    const value = scalarValue(version.value);
    if (typeof value === 'string' && isQuoted(version.value) && Number(value) === 0) {
      report('quoted-version', version.value ?? version.key, `The agent compares \`version\` as a number and rejects the string "${value}"; write it without quotes: version: 0.0.`, { replacement: '0.0' });
    } else if (typeof value !== 'number' || value !== 0) {
      report('invalid-version', version.value ?? version.key, `\`version\` must be 0.0 (the only AppSpec version); found ${describeNode(version.value)}.`, { replacement: '0.0' });
    }
  }

  const os = model.top.get('os');
  if (!os) {
    report('missing-os', { start: model.root.range?.[0] ?? 0, end: model.root.range?.[0] ?? 0 }, 'An EC2/On-Premises AppSpec needs `os: linux` or `os: windows`; the agent rejects the file without it.');
    return;
  }
  const value = scalarValue(os.value);
  if (typeof value !== 'string' || !OS_VALUES.includes(value)) {
    const written = scalarSource(os.value) ?? '';
    const suggestion = suggest(written.trim(), OS_VALUES);
    report('invalid-os', os.value ?? os.key, `\`os\` must be exactly linux or windows (lower case, no spaces); found ${describeNode(os.value)}.${didYouMean(suggestion)}`, suggestion ? { replacement: suggestion } : undefined);
  }
});

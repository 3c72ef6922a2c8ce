import { isTemplated } from '../../placeholders';
import { didYouMean, suggest } from '../../suggest';
import { describeNode, isNullValue, scalarSource, stringValue } from '../../yaml-nodes';
import { ec2Rule } from '../rule';

const BEHAVIORS = ['DISALLOW', 'OVERWRITE', 'RETAIN'];

/** E-FEB-1/2 (and the `overwrite` key people write instead): the top-level value is checked case-sensitively; inside a files entry it is ignored. */
export const fileExistsBehavior = ec2Rule('file-exists-behavior', ({ model, report }) => {
  const top = model.top.get('file_exists_behavior');
  if (top && !isNullValue(top.value)) {
    const value = stringValue(top.value);
    if (value === undefined || (!BEHAVIORS.includes(value) && !isTemplated(value))) {
      const suggestion = suggest((scalarSource(top.value) ?? '').trim(), BEHAVIORS);
      report('invalid-file-exists-behavior', top.value!, `\`file_exists_behavior\` must be DISALLOW, OVERWRITE or RETAIN, in upper case; found ${describeNode(top.value)}, which the agent rejects.${didYouMean(suggestion)}`, suggestion ? { replacement: suggestion } : undefined);
    }
  }
  for (const mapping of model.files) {
    const overwrite = mapping.fields.get('overwrite');
    if (overwrite) {
      report('unknown-key', overwrite.key, `\`overwrite\` is not a files key; the agent silently ignores it. To replace files that already exist, set file_exists_behavior: OVERWRITE at the top level.`);
    }
    const misplaced = mapping.fields.get('file_exists_behavior');
    if (!misplaced) continue;
    const value = stringValue(misplaced.value);
    const move = value && BEHAVIORS.includes(value) ? ` Move it to the top level: file_exists_behavior: ${value}.` : ' Move it to the top level.';
    report('misplaced-file-exists-behavior', misplaced.key, `\`file_exists_behavior\` inside a files entry is silently ignored; it is a top-level key and applies to all files.${move}${top ? '' : ' Until then the deployment\'s setting applies (DISALLOW by default: the Install fails on files that already exist).'}`);
  }
});

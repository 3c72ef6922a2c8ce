import { asSeq } from '../../yaml-nodes';
import { ec2Rule } from '../rule';
import { declaredOs } from './ec2-facts';

/** E-P-1: the agent rejects any permissions entry in a Windows AppSpec. */
export const permissionsOnWindows = ec2Rule('permissions-on-windows', ({ model, report }) => {
  const field = model.top.get('permissions');
  const list = asSeq(field?.value);
  if (!field || declaredOs(model) !== 'windows' || !list || list.items.length === 0) return;
  report('permissions-on-windows', field.key, 'Windows AppSpecs cannot have `permissions` entries; the agent rejects the file. Remove the section and set file access in a hook script (icacls).');
});

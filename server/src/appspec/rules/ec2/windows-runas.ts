import { ec2Rule } from '../rule';
import { allScripts, declaredOs } from './ec2-facts';

/** E-HS-4, §12: the Windows agent runs every script as its own service account. */
export const windowsRunas = ec2Rule('windows-runas', ({ model, report }) => {
  if (declaredOs(model) !== 'windows') return;
  for (const { script } of allScripts(model)) {
    for (const field of [script.runas, script.sudo]) {
      if (field) report('runas-on-windows', field.pair, `\`${field.name}\` is ignored on Windows: scripts run as the account of the CodeDeploy agent service. Remove it, or change the service's account.`);
    }
  }
});

import { ec2Rule } from '../rule';
import { allScripts, declaredOs, isDrivePath, isInstanceLinuxPath, pathText } from './ec2-facts';

const LINUX_SCRIPT = /\.(sh|bash)$/i;
const WINDOWS_SCRIPT = /\.(bat|cmd|ps1|exe)$/i;

/** §12, E-OS-1: `os` picks the agent that accepts the file, so paths written for the other OS never work. */
export const osPathMismatch = ec2Rule('os-path-mismatch', ({ model, report }) => {
  const os = declaredOs(model);
  if (!os) return;
  for (const mapping of model.files) {
    const node = mapping.destination?.value;
    const destination = pathText(node);
    if (!node || destination === undefined) continue;
    if (os === 'windows' && isInstanceLinuxPath(destination.endsWith('/') ? destination : `${destination}/`)) {
      report('os-path-mismatch', node, `"${destination}" is a Linux path, but the AppSpec says os: windows (only Windows instances accept it). Use a Windows path such as C:\\inetpub\\wwwroot, or os: linux.`);
    } else if (os === 'linux' && isDrivePath(destination)) {
      report('os-path-mismatch', node, `"${destination}" is a Windows path, but the AppSpec says os: linux (only Linux instances accept it); Linux would create a folder named "${destination}". Use a Linux path, or os: windows.`);
    }
  }
  for (const { script } of allScripts(model)) {
    const node = script.location?.value;
    const location = pathText(node);
    if (!node || location === undefined) continue;
    if (os === 'windows' && LINUX_SCRIPT.test(location)) {
      report('os-path-mismatch', node, `${location} is a shell script, but the AppSpec says os: windows; Windows instances cannot run it. Use a .ps1 or .bat script, or os: linux.`);
    } else if (os === 'linux' && WINDOWS_SCRIPT.test(location)) {
      report('os-path-mismatch', node, `${location} is a Windows script, but the AppSpec says os: linux; Linux instances cannot run it. Use a shell script, or os: windows.`);
    }
  }
});

import type { Ec2Hook, Ec2Model, ScriptEntry } from '../../model';
import { isTemplated } from '../../placeholders';
import { rubyScalarText } from '../../agent-values';
import { isScalar, stringValue, type AnyNode } from '../../yaml-nodes';

/** The declared `os` when it is one the agent knows; rules that depend on it stay quiet otherwise. */
export function declaredOs(model: Ec2Model): 'linux' | 'windows' | undefined {
  const os = stringValue(model.top.get('os')?.value);
  return os === 'linux' || os === 'windows' ? os : undefined;
}

/** Every script entry with the event it belongs to, in file order. */
export function allScripts(model: Ec2Model): Array<{ hook: Ec2Hook; script: ScriptEntry }> {
  return model.hooks.flatMap((hook) => hook.scripts.map((script) => ({ hook, script })));
}

/**
 * A scalar value as the agent's `to_s` sees it (numbers in decimal, as YAML 1.1 loaded them), or
 * undefined for null, collections, timestamps and template placeholders, which path rules cannot judge.
 */
export function pathText(node: AnyNode | null | undefined): string | undefined {
  if (!isScalar(node) || node.value === null) return undefined;
  const text = rubyScalarText(node);
  return text === undefined || isTemplated(text) ? undefined : text;
}

/** `C:\…`, `c:/…`: a Windows drive path. */
export function isDrivePath(path: string): boolean {
  return /^[A-Za-z]:[\\/]/.test(path);
}

/** Top folders that only exist on a Linux instance, never inside a revision by accident. */
const INSTANCE_ROOTS = ['bin', 'boot', 'dev', 'etc', 'home', 'lib', 'lib64', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var'];

/** `/opt/tomcat/bin/startup.sh`, `/var/www`: a path under a Linux system folder. */
export function isInstanceLinuxPath(path: string): boolean {
  const match = /^\/([^/]+)\//.exec(path);
  return match !== null && INSTANCE_ROOTS.includes(match[1]);
}

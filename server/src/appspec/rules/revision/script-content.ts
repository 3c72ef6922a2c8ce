import type { DiagnosticCode } from '../../codes';
import type { FileStat } from '../../types';

/** A finding about a script's bytes or mode, before it is placed on the `location` value. */
export interface ContentFinding {
  code: DiagnosticCode;
  message: string;
}

/**
 * What stops a Linux hook script from starting, judged from its first bytes and its mode:
 * CRLF line endings (E-RUN-8), a missing or hidden #! line (E-RUN-3), no executable bit (E-RUN-2).
 * Binary programs (ELF, anything with a NUL byte) need no #! line and have no line endings to judge.
 */
export function linuxScriptFindings(path: string, head: string | undefined, stat: FileStat): ContentFinding[] {
  const findings: ContentFinding[] = [];
  if (head !== undefined && head.length > 0 && !isBinary(head)) {
    const hasShebang = head.startsWith('#!');
    if (head.startsWith('\ufeff#!')) {
      findings.push({ code: 'script-no-shebang', message: `${path} starts with a UTF-8 byte-order mark before its #! line, so the system does not see the #! line and runs the script with /bin/sh. Save it as UTF-8 without a BOM.` });
    } else if (!hasShebang) {
      findings.push({ code: 'script-no-shebang', message: `${path} has no #! line; the agent executes it directly, so it runs under /bin/sh whatever language it is written in. Add a first line such as #!/bin/bash.` });
    }
    if (head.includes('\r\n')) {
      const why = hasShebang
        ? `its #! line names an interpreter ending in \\r (${interpreter(head)}\\r: bad interpreter) and the script fails to start`
        : 'every command line ends in \\r, so commands and arguments are not found';
      findings.push({ code: 'script-crlf', message: `${path} has Windows (CRLF) line endings: ${why}. Save it with LF line endings (dos2unix, or \`*.sh text eol=lf\` in .gitattributes).` });
    }
  }
  if (!stat.executable) {
    findings.push({ code: 'script-not-executable', message: `${path} is not executable; the agent runs chmod +x on it first, so it still runs. Set the mode in the revision (chmod +x, or git update-index --chmod=+x) to keep the bundle and the repository in step.` });
  }
  return findings;
}

function isBinary(head: string): boolean {
  return head.includes('\u0000') || head.startsWith('\u007fELF');
}

/** The interpreter a #! line names, as the kernel reports it. */
function interpreter(head: string): string {
  return head.slice(2, head.search(/\r?\n|$/)).trim();
}

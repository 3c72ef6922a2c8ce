import { defineCodes } from './code-info';

/** EC2/On-Premises AppSpec rules (read by the CodeDeploy agent). IDs refer to appspec-rules.md. */
export const ec2Codes = defineCodes({
  // top level (E-V, E-OS, E-Y-5, E-FEB)
  'missing-version': { severity: 'error', summary: 'The required top-level `version` key is missing.' },
  'invalid-version': { severity: 'error', summary: '`version` must be 0.0.' },
  'quoted-version': { severity: 'error', summary: 'On EC2/On-Premises `version` must be the number 0.0, not the string "0.0".' },
  'missing-os': { severity: 'error', summary: 'The required top-level `os` key is missing.' },
  'invalid-os': { severity: 'error', summary: '`os` must be exactly `linux` or `windows`.' },
  'ignored-section': { severity: 'warning', summary: 'A section that belongs to another compute platform and is ignored on this one.' },
  'invalid-file-exists-behavior': { severity: 'error', summary: '`file_exists_behavior` must be DISALLOW, OVERWRITE or RETAIN (upper case).' },
  'misplaced-file-exists-behavior': { severity: 'warning', summary: '`file_exists_behavior` inside a `files` entry is ignored; it is a top-level key.' },
  'os-path-mismatch': { severity: 'warning', summary: 'Paths or scripts do not fit the declared `os`.' },
  // files (E-F, E-FI)
  'relative-destination': { severity: 'warning', summary: 'A `destination` that is not an absolute path resolves against the agent\'s working directory.' },
  'destination-looks-like-file': { severity: 'information', summary: 'A file is copied *into* `destination`; a file cannot be renamed through `files`.' },
  'duplicate-file-mapping': { severity: 'error', summary: 'The same source is copied to the same destination twice; the Install fails.' },
  // permissions (E-P)
  'permissions-on-windows': { severity: 'error', summary: 'Windows AppSpecs cannot have `permissions` entries.' },
  'octal-mode': { severity: 'warning', summary: 'An unquoted `mode` with a leading 0 is read as an octal number and becomes a different mode.' },
  'invalid-mode': { severity: 'error', summary: '`mode` must be up to four octal digits, such as 644 or "0755".' },
  'setuid-cleared': { severity: 'warning', summary: 'setuid/setgid bits in `mode` are cleared again by the later owner/group change.' },
  'pattern-never-matches': { severity: 'warning', summary: 'A `pattern` or `except` entry that can never match (only immediate child names are matched).' },
  'invalid-permission-type': { severity: 'error', summary: '`type` entries must be `file` or `directory`.' },
  'invalid-acl': { severity: 'error', summary: 'An `acls` entry the agent rejects.' },
  'context-user-ignored': { severity: 'warning', summary: 'The SELinux user is read from `name`; `user` is silently ignored.' },
  'context-missing-type': { severity: 'error', summary: 'A SELinux `context` needs a `type`.' },
  'context-missing-range': { severity: 'error', summary: 'A SELinux `context` without `range` crashes the Install when it matches an object.' },
  'invalid-selinux-range': { severity: 'error', summary: 'A SELinux `range` the agent rejects.' },
  // hooks (E-H, E-HK, E-HS)
  'unknown-hook': { severity: 'warning', summary: 'A lifecycle event name that does not exist on this platform; its scripts never run.' },
  'reserved-hook': { severity: 'warning', summary: 'A reserved lifecycle event that cannot run scripts.' },
  'traffic-hook': { severity: 'information', summary: 'Traffic hooks run only with a load balancer or in blue/green deployments.' },
  'empty-hook': { severity: 'information', summary: 'A lifecycle event with no scripts.' },
  'missing-location': { severity: 'error', summary: 'A hook script entry without a `location`.' },
  'invalid-timeout': { severity: 'error', summary: '`timeout` must be a positive whole number of seconds.' },
  'timeout-not-integer': { severity: 'warning', summary: 'A `timeout` the agent truncates to a whole number (e.g. "30s" → 30, 1.9 → 1).' },
  'timeout-over-limit': { severity: 'warning', summary: 'A script timeout above 3600 s; the service fails the lifecycle event after one hour.' },
  'event-timeout-sum': { severity: 'warning', summary: 'The timeouts of one lifecycle event add up to more than 3600 s.' },
  'runas-on-windows': { severity: 'warning', summary: '`runas` and `sudo` are ignored on Windows instances.' },
  'location-with-arguments': { severity: 'error', summary: '`location` names a script file; arguments or an interpreter in it make the path not exist.' },
  'location-with-spaces': { severity: 'warning', summary: 'The agent builds the command line without quoting; a script path with spaces breaks.' },
  'absolute-location': { severity: 'error', summary: '`location` is an absolute path on the instance (/opt/…, C:\\…); the agent looks for it inside the revision instead.' },
  'leading-slash-location': { severity: 'information', summary: 'A leading / in `location` is ignored: the path is relative to the revision root.' },
  'backslash-escape': { severity: 'warning', summary: 'A backslash escape inside double quotes (\\t, \\n) silently changes a Windows path.' },
});

import { defineCodes } from './code-info';

/** Checks of the revision's files, relative to the revision root (the AppSpec's folder). */
export const revisionCodes = defineCodes({
  'script-not-found': { severity: 'warning', summary: 'A hook script is not in the revision; the event fails with ScriptMissing.' },
  'script-is-directory': { severity: 'error', summary: 'A hook `location` names a folder, not a script file.' },
  'path-escapes-revision': { severity: 'error', summary: 'A path leaves the revision root (.. or a link pointing outside).' },
  'source-not-found': { severity: 'warning', summary: 'A `files` source is not in the revision; the Install fails.' },
  'script-crlf': { severity: 'warning', summary: 'A script has CRLF line endings; its interpreter line ends in \\r and it fails to start.' },
  'script-no-shebang': { severity: 'warning', summary: 'A script has no #! line; it runs under /bin/sh whatever it is written in.' },
  'script-not-executable': { severity: 'hint', summary: 'A script is not executable; the agent runs chmod +x on it first.' },
  'backslash-path': { severity: 'warning', summary: 'A Linux AppSpec path uses backslashes, which Linux reads as part of the file name.' },
  'copy-conflict': { severity: 'error', summary: 'Two `files` mappings put two files, or a file and a folder, at the same instance path; the Install fails.' },
  'permission-set-twice': { severity: 'error', summary: 'A copied file gets its permissions from two entries; the Install fails.' },
  'file-object-pattern': { severity: 'error', summary: 'A permissions entry for a file the deployment copies has a `pattern` or `except`; the Install fails.' },
  'default-acl-on-file': { severity: 'error', summary: 'A default (d:) ACL entry on a file the deployment copies; the Install fails.' },
});

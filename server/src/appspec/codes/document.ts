import { defineCodes } from './code-info';

/** Problems with the file as a whole, before any platform's rules apply. */
export const documentCodes = defineCodes({
  'yaml-syntax': { severity: 'error', summary: 'The file is not well-formed YAML; the agent and the service refuse it.' },
  'json-syntax': { severity: 'error', summary: 'An appspec.json file is not valid JSON.' },
  'binary-file': { severity: 'error', summary: 'The file holds binary data, not YAML or JSON text.' },
  'file-too-large': { severity: 'error', summary: 'The file is too large to be an AppSpec and is not checked.' },
  'empty-document': { severity: 'error', summary: 'The AppSpec is empty (only whitespace, comments or ---); the agent rejects it.' },
  'not-a-mapping': { severity: 'error', summary: 'The top level must be a mapping of AppSpec keys.' },
  'extra-document': { severity: 'warning', summary: 'Only the first YAML document is read; later documents are ignored.' },
  'duplicate-key': { severity: 'warning', summary: 'A key appears twice in one mapping; the last one silently wins.' },
  'yaml-alias': { severity: 'warning', summary: 'Anchors and aliases are refused by agents on Ruby 3.1 or later.' },
  'yaml-tag': { severity: 'warning', summary: 'A YAML tag (such as !Ref) or a timestamp value that the agent cannot load safely.' },
  'unrendered-template': { severity: 'warning', summary: 'A template (Terraform %{ }, ${var} in a flow list…) that is not valid YAML or JSON until rendered; it is not checked.' },
  'not-appspec': { severity: 'error', summary: 'The file is named like an AppSpec but is something else (SAM template, buildspec, API request).' },
});

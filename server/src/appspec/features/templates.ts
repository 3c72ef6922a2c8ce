import type { Platform } from '../types';

/** A whole AppSpec per platform, as LSP snippets (tab stops) and as plain text (New AppSpec File). */
const SNIPPETS: Readonly<Record<Platform, string>> = {
  ec2: [
    'version: 0.0',
    'os: ${1|linux,windows|}',
    'files:',
    '  - source: ${2:/}',
    '    destination: ${3:/var/www/app}',
    'file_exists_behavior: ${4|OVERWRITE,DISALLOW,RETAIN|}',
    'hooks:',
    '  ApplicationStop:',
    '    - location: ${5:scripts/stop.sh}',
    '      timeout: 300',
    '  AfterInstall:',
    '    - location: ${6:scripts/configure.sh}',
    '      timeout: 300',
    '      runas: ${7:root}',
    '  ApplicationStart:',
    '    - location: ${8:scripts/start.sh}',
    '      timeout: 300',
    '  ValidateService:',
    '    - location: ${9:scripts/validate.sh}',
    '      timeout: 300',
    '',
  ].join('\n'),
  ecs: [
    'version: 0.0',
    'Resources:',
    '  - TargetService:',
    '      Type: AWS::ECS::Service',
    '      Properties:',
    '        TaskDefinition: ${1:<TASK_DEFINITION>}',
    '        LoadBalancerInfo:',
    '          ContainerName: ${2:web}',
    '          ContainerPort: ${3:80}',
    'Hooks:',
    '  - AfterAllowTestTraffic: ${4:CodeDeployHook_AfterAllowTestTraffic}',
    '',
  ].join('\n'),
  lambda: [
    'version: 0.0',
    'Resources:',
    '  - ${1:myLambdaFunction}:',
    '      Type: AWS::Lambda::Function',
    '      Properties:',
    '        Name: ${2:my-function}',
    '        Alias: ${3:live}',
    '        CurrentVersion: "${4:1}"',
    '        TargetVersion: "${5:2}"',
    'Hooks:',
    '  - BeforeAllowTraffic: ${6:CodeDeployHook_BeforeAllowTraffic}',
    '  - AfterAllowTraffic: ${7:CodeDeployHook_AfterAllowTraffic}',
    '',
  ].join('\n'),
};

/** The snippet text of a whole AppSpec for `platform`. */
export function appSpecSnippet(platform: Platform): string {
  return SNIPPETS[platform];
}

/** A whole AppSpec as plain text: each tab stop replaced by its default (the first choice for choices). */
export function appSpecTemplate(platform: Platform): string {
  return snippetToText(SNIPPETS[platform]);
}

/** Resolves `${1:default}` and `${1|a,b|}` to their first value and drops bare `$1`. */
export function snippetToText(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|}]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{?\d+\}?/g, '');
}

/** A hook with one script entry, for the hook names still free (snippet choice). */
export function hookSnippet(events: readonly string[]): string {
  return `\${1|${events.join(',')}|}:\n  - location: \${2:scripts/run.sh}\n    timeout: \${3:300}\n    runas: \${4:root}`;
}

/** The script a "create missing script" fix writes: a shebang fitting the file's extension. */
export function scriptTemplate(relativePath: string, event?: string): string {
  const lower = relativePath.toLowerCase();
  const what = event ? `the ${event} lifecycle event` : 'a CodeDeploy lifecycle event';
  if (lower.endsWith('.ps1')) return `# Runs at ${what} (powershell.exe -ExecutionPolicy Bypass -File).\n$ErrorActionPreference = 'Stop'\n\n`;
  if (lower.endsWith('.bat') || lower.endsWith('.cmd')) return `@echo off\nREM Runs at ${what}.\n\n`;
  if (lower.endsWith('.py')) return `#!/usr/bin/env python3\n"""Runs at ${what}."""\n\n`;
  return `#!/bin/bash\n# Runs at ${what}. CodeDeploy exports LIFECYCLE_EVENT, DEPLOYMENT_ID, APPLICATION_NAME,\n# DEPLOYMENT_GROUP_NAME and DEPLOYMENT_GROUP_ID.\nset -euo pipefail\n\n`;
}

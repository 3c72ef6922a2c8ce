/**
 * The benchmark's documents: a typical EC2 AppSpec and a 5,000-line one, both with the mistakes
 * people really make (a quoted version, as the docs suggest; an octal mode; a misspelled hook and
 * key) and scripts that exist in the revision.
 */
export function typicalAppSpec(): string {
  return [
    'version: "0.0"',
    'os: linux',
    'files:',
    '  - source: /build',
    '    destination: /var/www/app',
    '  - source: config/app.conf',
    '    destination: /etc/app',
    'file_exists_behavior: OVERWRITE',
    'permissions:',
    '  - object: /var/www/app',
    '    owner: www-data',
    '    group: www-data',
    '    mode: 0644',
    '    type:',
    '      - file',
    'hooks:',
    '  ApplicationStop:',
    '    - location: scripts/stop.sh',
    '      timeout: 300',
    '  BeforeInstall:',
    '    - location: scripts/backup.sh',
    '      timeout: 300',
    '      runas: root',
    '  AfterInstal:',
    '    - location: scripts/configure.sh',
    '      timeout: 600',
    '      runas: root',
    '  ApplicationStart:',
    '    - location: scripts/start.sh',
    '      timeout: 300',
    '  ValidateService:',
    '    - location: scripts/validate.sh',
    '      timeout: 120',
    'fiels: []',
    '',
  ].join('\n');
}

/**
 * About `lines` lines of a big but plausible AppSpec: many files and permissions entries, and
 * every lifecycle event with a long list of scripts (a monorepo revision with many services).
 */
export function largeAppSpec(lines = 5000): string {
  const out = ['version: "0.0"', 'os: linux', 'files:'];
  let i = 0;
  while (out.length < lines * 0.45) {
    out.push(`  - source: build/part${i}`, `    destination: /var/www/app/part${i}`);
    i++;
  }
  out.push('permissions:');
  i = 0;
  while (out.length < lines * 0.75) {
    out.push(`  - object: /var/www/app/part${i}`, '    owner: www-data', `    mode: ${i % 50 === 0 ? '0644' : '"0644"'}`, '    type: [file]');
    i++;
  }
  out.push('hooks:');
  const events = ['ApplicationStop', 'BeforeInstall', 'AfterInstall', 'ApplicationStart', 'ValidateService'];
  const perEvent = Math.floor((lines - out.length - events.length - 1) / events.length / 2);
  for (const event of events) {
    out.push(`  ${event}:`);
    for (let s = 0; s < perEvent; s++) out.push(`    - location: scripts/s${s % 5}.sh`, '      timeout: 10');
  }
  out.push('');
  return out.join('\n');
}

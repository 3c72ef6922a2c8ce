/** The AppSpec texts the engine benchmarks validate. */

/** A typical EC2/On-Premises AppSpec of 40 lines: the shape most files in the real-world corpus have. */
export const TYPICAL_APPSPEC = `# Deploys the web application to Amazon Linux hosts.
version: 0.0
os: linux
files:
  - source: /build
    destination: /var/www/app
  - source: config/nginx.conf
    destination: /etc/nginx/conf.d
file_exists_behavior: OVERWRITE
permissions:
  - object: /var/www/app
    pattern: "**"
    owner: www-data
    group: www-data
    mode: 755
    type:
      - directory
# Lifecycle scripts live in scripts/ beside this file.
hooks:
  ApplicationStop:
    - location: scripts/stop_server.sh
      timeout: 60
      runas: root
  BeforeInstall:
    - location: scripts/install_dependencies.sh
      timeout: 300
      runas: root
    - location: scripts/clean_old_release.sh
      timeout: 60
  AfterInstall:
    - location: scripts/migrate_database.sh
      timeout: 900
      runas: www-data
  ApplicationStart:
    - location: scripts/start_server.sh
      timeout: 120
      runas: root
  ValidateService:
    - location: scripts/health_check.sh
      timeout: 180
`;

/**
 * An EC2 AppSpec of exactly `lines` lines, generated from the same kinds of entries as the typical
 * one: files, permissions, then hooks with many scripts (the shape a monorepo's generator emits).
 */
export function generateAppSpec(lines: number): string {
  const out = ['version: 0.0', 'os: linux', 'files:'];
  const third = Math.floor(lines / 3);
  for (let i = 0; out.length + 2 <= third; i++) out.push(`  - source: services/service-${i}/dist`, `    destination: /opt/services/service-${i}`);
  out.push('permissions:');
  for (let i = 0; out.length + 5 <= 2 * third; i++) {
    out.push(`  - object: /opt/services/service-${i}`, '    owner: app', '    group: app', `    mode: ${i % 2 ? 755 : 644}`, '    type: [file, directory]');
  }
  const events = ['ApplicationStop', 'BeforeInstall', 'AfterInstall', 'ApplicationStart', 'ValidateService'];
  out.push('hooks:');
  // Scripts spread evenly over the events; 10 s each keeps every event's total under the 3600 s limit.
  const perEvent = Math.floor((lines - out.length - events.length) / events.length / 3);
  for (const [e, event] of events.entries()) {
    out.push(`  ${event}:`);
    for (let i = 0; i < perEvent; i++) out.push(`    - location: scripts/${event}-${e}-${i}.sh`, '      timeout: 10', '      runas: root');
  }
  while (out.length < lines) out.push(`# generated line ${out.length + 1}`);
  return `${out.slice(0, lines).join('\n')}\n`;
}

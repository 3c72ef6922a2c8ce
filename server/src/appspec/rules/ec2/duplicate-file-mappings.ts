import { ec2Rule } from '../rule';
import { declaredOs, pathText } from './ec2-facts';

/** The same path however it is written: `./a/` = `/a` = `a`; Windows ignores case and slash direction. */
function normalise(path: string, windows: boolean): string {
  let result = path.trim().replace(/\\/g, '/').replace(/\/+/g, '/').replace(/^(\.\/)+/, '').replace(/^\//, '').replace(/\/$/, '');
  if (result === '.') result = '';
  return windows ? result.toLowerCase() : result;
}

/** E-FI-6: two mappings that copy the same source to the same destination fail the Install. */
export const duplicateFileMappings = ec2Rule('duplicate-file-mappings', ({ model, report, parsed }) => {
  const windows = declaredOs(model) === 'windows';
  const seen = new Map<string, number>();
  for (const mapping of model.files) {
    const source = pathText(mapping.source?.value);
    const destination = pathText(mapping.destination?.value);
    if (source === undefined || destination === undefined || !mapping.source) continue;
    const key = `${normalise(source, windows)}\u0000${windows ? destination.replace(/\\/g, '/').replace(/\/+$/, '').toLowerCase() : destination.replace(/\/+$/, '')}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const line = parsed.positions.position(earlier).line + 1;
      report('duplicate-file-mapping', mapping.source.pair, `This mapping copies ${source} to ${destination} again (as on line ${line}); the agent refuses to copy the same file twice and the Install fails. Remove one of them.`);
    } else seen.set(key, mapping.node.range?.[0] ?? 0);
  }
});

/** `rwx` text for one octal digit. */
function rwx(digit: number): string {
  return `${digit & 4 ? 'r' : '-'}${digit & 2 ? 'w' : '-'}${digit & 1 ? 'x' : '-'}`;
}

/**
 * What the agent will really apply for a `mode` value (appspec-rules.md E-P-MODE-1/2): the loaded
 * value's decimal digits, left-padded to three. An unquoted `0644` is YAML octal, loaded as 420,
 * so the agent applies mode 420.
 */
export function describeMode(written: string, loaded: unknown, quoted: boolean): string {
  const digits = String(loaded ?? '').padStart(3, '0');
  const octalTrap = !quoted && typeof loaded === 'number' && /^[+-]?0[0-7]+$/.test(written) && written.replace(/^[+-]?0+/, '') !== String(loaded);
  const lead = octalTrap ? `YAML reads the unquoted \`${written}\` as an octal number, **${String(loaded)}** in decimal; the agent takes those digits. ` : '';
  if (!/^[0-7]{3,4}$/.test(digits)) {
    return `${lead}\`mode: ${written}\` → "${digits}": not up to four octal digits, so the agent **rejects** the AppSpec.${octalTrap ? ` Write \`"${written}"\` (quoted).` : ''}`;
  }
  const special = digits.length === 4 ? Number(digits[0]) : 0;
  const [u, g, o] = digits.slice(-3).split('').map(Number);
  const specials = [special & 4 ? 'setuid' : '', special & 2 ? 'setgid' : '', special & 1 ? 'sticky' : ''].filter(Boolean);
  const symbolic = `${rwx(u)}${rwx(g)}${rwx(o)}`;
  const fix = octalTrap ? ` Write \`"${written}"\` (quoted) for mode ${written.replace(/^0(?=\d{3}$)/, '')}.` : '';
  return `${lead}\`mode: ${written}\` → mode **${digits}** (\`${symbolic}\`${specials.length ? `, ${specials.join(', ')}` : ''}).${fix}`;
}

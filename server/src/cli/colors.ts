/** The few styles the text output uses; identity functions when colour is off. */
export interface Palette {
  red(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  underline(text: string): string;
}

const style = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string) => text;

/** ANSI styles, or none. */
export function palette(enabled: boolean): Palette {
  if (!enabled) return { red: plain, yellow: plain, blue: plain, dim: plain, bold: plain, underline: plain };
  return { red: style(31, 39), yellow: style(33, 39), blue: style(34, 39), dim: style(2, 22), bold: style(1, 22), underline: style(4, 24) };
}

/**
 * Colour only for a terminal, and never when NO_COLOR is set to anything (no-color.org).
 * FORCE_COLOR (not "0") turns it on for pipes, as in most Node tools.
 */
export function useColor(isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return isTTY === true && env.TERM !== 'dumb';
}

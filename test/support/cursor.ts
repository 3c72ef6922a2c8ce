import { PositionMap } from '../../server/src/appspec/positions';
import type { Position } from '../../server/src/appspec/types';

/** A test document with the cursor marked `|`: the text without the marker and the cursor's position. */
export function withCursor(source: string): { text: string; position: Position } {
  const offset = source.indexOf('|');
  if (offset < 0) throw new Error('the test document has no | cursor marker');
  const text = source.slice(0, offset) + source.slice(offset + 1);
  return { text, position: new PositionMap(text).position(offset) };
}

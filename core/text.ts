// Text people type (names, notes, the operator's name) arrives from keyboards, scanners and
// clipboards, so it can carry invisible control characters — a pasted NUL once stopped a station's
// uploads for good (PostgreSQL cannot store U+0000). They are removed where the text enters,
// before it is ever stored or sent. (Over the wire the registry refuses such an event instead:
// core/sync/event-rules.ts.)
import { z } from 'zod';

/** C0 and C1 control characters except tab and newlines, and DEL. */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Half of a surrogate pair on its own: not a character, and no database stores it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Removes characters no database should hold; keeps tabs and line breaks. */
export function withoutControls(text: string): string {
  return text.replace(CONTROLS, '').replace(LONE_SURROGATE, '');
}

/** One line of typed text (a name, an organisation, an operator): breaks and tabs become spaces. */
export function oneLine(text: string): string {
  return withoutControls(text).replace(/[\t\r\n\u2028\u2029]+/g, ' ');
}

/** A typed one-line field, cleaned then trimmed and bounded. */
export const typedLine = (max: number) => z.string().max(max * 4).transform((s) => oneLine(s).trim()).pipe(z.string().max(max));
/** A typed multi-line field (a desk note), cleaned then trimmed and bounded. */
export const typedText = (max: number) => z.string().max(max * 4).transform((s) => withoutControls(s).trim()).pipe(z.string().max(max));

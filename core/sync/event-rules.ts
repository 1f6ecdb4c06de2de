// What the registry refuses in a pushed event, one event at a time and with a reason (the
// station keeps a refused event and lists it; the rest of its batch goes on). A paired station
// may be broken or hostile: nothing it sends may stop, slow or corrupt the others.
//  - a clock stamp that is malformed, or further ahead of the registry's clock than allowed;
//  - text the database cannot hold (U+0000 and other control characters, lone surrogates);
//  - more than MAX_EVENT_JSON bytes (UTF-8) as JSON, the cap stations apply when they record.
//  - a walk-in whose person no station would accept, or whose badge is valid on days that are
//    not the event's: the registry would store and serve a record every station refuses.
// Badge-code ownership needs the database and lives in registry/ingest.ts.
import { WalkinPayload } from '../api/desk';
import { stampProblem } from '../hlc';
import { MAX_EVENT_JSON, jsonBytes, type WireEvent } from './protocol';

/** Characters PostgreSQL cannot store in text/jsonb, or that no typed text contains. */
const UNSTORABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function eventProblem(e: WireEvent, now: number, maxAheadMs: number): string | null {
  const clock = stampProblem(e.hlc, now, maxAheadMs);
  if (clock) return clock;
  const bad = badTextPath(e, '');
  if (bad) return `the field ${bad.slice(0, 200)} contains a control character or broken text the registry cannot store`;
  const bytes = jsonBytes(e);
  if (bytes > MAX_EVENT_JSON) return `too large (${Math.ceil(bytes / 1024)} kB; the limit is ${MAX_EVENT_JSON / 1024} kB)`;
  return null;
}

/** The path of the first string (value or key, at any depth) holding an unstorable character. */
function badTextPath(v: unknown, at: string): string | null {
  if (typeof v === 'string') return UNSTORABLE.test(v) ? at || '(value)' : null;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = badTextPath(v[i], `${at}[${i}]`);
      if (p) return p;
    }
    return null;
  }
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const here = at ? `${at}.${k}` : k;
      if (UNSTORABLE.test(k)) return `${at || '(key)'} (a key)`;
      const p = badTextPath(x, here);
      if (p) return p;
    }
  }
  return null;
}

/**
 * What is wrong with a walk-in's person (null: nothing, or not a walk-in). `eventDays` are the
 * registry's event days (null: no event yet, so any day of the calendar passes).
 */
export function walkinProblem(e: Pick<WireEvent, 'kind' | 'attendeeId' | 'payload'>, eventDays: readonly string[] | null): string | null {
  if (e.kind !== 'walkin') return null;
  if (!e.attendeeId) return 'a walk-in without an attendee id';
  const p = WalkinPayload.safeParse(e.payload);
  if (!p.success) {
    const where = p.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ');
    return `the walk-in's person cannot be read: ${where.slice(0, 300)}`;
  }
  const days = p.data.attendee.validDays ?? [];
  const outside = eventDays ? days.filter((d) => !eventDays.includes(d)) : [];
  if (outside.length > 0) {
    const shown = outside.slice(0, 3).join(', ') + (outside.length > 3 ? ` and ${outside.length - 3} more` : '');
    return `the walk-in's badge is valid on ${shown}, which ${outside.length === 1 ? 'is not a day' : 'are not days'} of the event (${eventDays!.join(', ')})`;
  }
  return null;
}

// Handouts and questions at the desk: what a desk hands out or asks at admission — an
// interpretation receiver (numbered: it goes out and must come back), a lunch voucher (given),
// "photo consent given?" (a yes/no answer). Each is an event ('handout', 'handback'), so every
// station agrees whatever order they arrive in: for a numbered item the last event of that number
// in log order (HLC, station, id) says whether it is out, and with whom. Pure: no database.
import { z } from 'zod';
import { compareEvents } from '../hlc';

/** The built-in numbered item: simultaneous-interpretation receivers. */
export const RECEIVER = 'receiver';

export const ItemId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'letters, digits and dashes');
export const HandoutKind = z.enum(['numbered', 'item', 'question']);
export type HandoutKind = z.infer<typeof HandoutKind>;

/** One thing a desk hands out or asks. `label` '' = the built-in receiver (screens name it in their language). */
export const HandoutItem = z.object({ id: ItemId, label: z.string().max(80), kind: HandoutKind });
export type HandoutItem = z.infer<typeof HandoutItem>;

/** A desk that never chose hands out interpretation receivers (the customer's conference has interpretation in every session). */
export const DEFAULT_HANDOUTS: HandoutItem[] = [{ id: RECEIVER, label: '', kind: 'numbered' }];

/** A receiver's number as people read it off the device: "0117", " 117", "a-117" → "117", "A-117". */
export function itemNumber(raw: string): string {
  const s = raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  return /^\d+$/.test(s) ? s.replace(/^0+(?=\d)/, '') : s;
}
/**
 * Text a receiver's own label could carry — a short number, perhaps with a letter prefix
 * ("0117", "A-117", "RX117") — and never a badge of this event: what a check-in reads as
 * a handout's number rather than "not a badge".
 */
export function looksLikeItemNumber(text: string): boolean {
  return /^[A-Z]{0,3}-?\d{1,6}$/.test(itemNumber(text));
}
export const ItemNumber = z.string().trim().min(1).max(20).transform(itemNumber).pipe(z.string().min(1).max(20));

export const HandoutPayload = z.object({
  item: ItemId,
  /** The item's words when it was handed out (the log reads without the desk's settings). */
  label: z.string().max(80).default(''),
  kind: HandoutKind,
  number: z.string().min(1).max(20).optional(),
  answer: z.enum(['yes', 'no']).optional(),
});
export type HandoutPayload = z.infer<typeof HandoutPayload>;
export const HandbackPayload = z.object({ item: ItemId, number: z.string().min(1).max(20) });

/** A 'handout' or 'handback' event as either log holds it. */
export interface HandoutEvent {
  id: string;
  stationId: string;
  hlc: string;
  wallTime: number;
  day: string;
  kind: string;
  attendeeId: string | null;
  payload: unknown;
}

export interface OutNow {
  item: string;
  number: string;
  attendeeId: string;
  at: number;
  stationId: string;
}

/** Numbered items out now: for each (item, number), the last event in log order is a handout. */
export function stillOut(events: readonly HandoutEvent[]): OutNow[] {
  const last = new Map<string, OutNow | null>();
  for (const e of [...events].sort(compareEvents)) {
    if (e.kind === 'handout') {
      const p = HandoutPayload.safeParse(e.payload);
      if (!p.success || p.data.kind !== 'numbered' || !p.data.number || !e.attendeeId) continue;
      last.set(`${p.data.item}\u0000${p.data.number}`, { item: p.data.item, number: p.data.number, attendeeId: e.attendeeId, at: e.wallTime, stationId: e.stationId });
    } else if (e.kind === 'handback') {
      const p = HandbackPayload.safeParse(e.payload);
      if (p.success) last.set(`${p.data.item}\u0000${p.data.number}`, null);
    }
  }
  return [...last.values()].filter((x): x is OutNow => x !== null);
}

/** What one person was given or answered, per item: the latest of each (for 'item', today's). */
export interface PersonItem {
  item: string;
  /** Numbers of this item the person holds now (numbered items). */
  out: { number: string; at: number }[];
  /** The latest hand-out of this item to the person today ('item'), or their latest answer ('question'). */
  latest: { at: number; answer: 'yes' | 'no' | null } | null;
}

export function personItems(personEvents: readonly HandoutEvent[], out: readonly OutNow[], attendeeId: string, today: string): Map<string, PersonItem> {
  const m = new Map<string, PersonItem>();
  const of = (item: string) => m.get(item) ?? (m.set(item, { item, out: [], latest: null }), m.get(item)!);
  for (const o of out) if (o.attendeeId === attendeeId) of(o.item).out.push({ number: o.number, at: o.at });
  for (const e of [...personEvents].sort(compareEvents)) {
    if (e.kind !== 'handout' || e.attendeeId !== attendeeId) continue;
    const p = HandoutPayload.safeParse(e.payload);
    if (!p.success || p.data.kind === 'numbered') continue;
    if (p.data.kind === 'item' && e.day !== today) continue;
    of(p.data.item).latest = { at: e.wallTime, answer: p.data.answer ?? null };
  }
  return m;
}

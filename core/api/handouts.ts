// Handouts area of the station API (core/checkin/handouts.ts): what this desk hands out or asks,
// giving it to a person, taking a numbered item (an interpretation receiver) back, and who
// still holds one, by delegation.
import { z } from 'zod';
import { HandoutItem, ItemId, ItemNumber, RECEIVER } from '../checkin/handouts';
import type { AttendeeSummary } from '../model';
import { typedLine } from '../text';

const operator = typedLine(120).optional();
const attendeeId = z.string().min(1).max(64);

export const handoutMethods = {
  'handouts.items': z.object({}),
  'handouts.setItems': z.object({
    items: z
      .array(HandoutItem.extend({ label: typedLine(80) }))
      .max(12)
      .refine((l) => new Set(l.map((i) => i.id)).size === l.length, { message: 'each item once' }),
  }),
  'handouts.person': z.object({ attendeeId }),
  'handouts.give': z
    .object({ attendeeId, item: ItemId, number: ItemNumber.optional(), answer: z.enum(['yes', 'no']).optional(), operator })
    .strict(),
  'handouts.takeBack': z.object({ item: ItemId.default(RECEIVER), number: ItemNumber, operator }),
  'handouts.out': z.object({ item: ItemId.default(RECEIVER) }),
} as const;

export interface PersonHandouts {
  attendeeId: string;
  items: {
    item: HandoutItem;
    out: { number: string; at: number }[];
    latest: { at: number; answer: 'yes' | 'no' | null } | null;
  }[];
}

export interface TakeBackResult {
  number: string;
  /** Who had it (null: not known to be out here — handed out at a desk not yet synced, or never). */
  holder: Pick<AttendeeSummary, 'id' | 'givenName' | 'familyName' | 'delegation'> | null;
  since: number | null;
  /** Still out after this, in all. */
  stillOut: number;
}

export interface OutList {
  total: number;
  /** By delegation (or organisation), largest first; people by family name. */
  groups: {
    delegation: string;
    people: { attendee: Pick<AttendeeSummary, 'id' | 'givenName' | 'familyName' | 'organisation'>; numbers: { number: string; at: number; stationName: string }[] }[];
  }[];
}

export interface HandoutResults {
  'handouts.items': HandoutItem[];
  'handouts.setItems': HandoutItem[];
  'handouts.person': PersonHandouts;
  'handouts.give': PersonHandouts;
  'handouts.takeBack': TakeBackResult;
  'handouts.out': OutList;
}

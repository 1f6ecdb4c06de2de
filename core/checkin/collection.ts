// Badge collection (an accreditation desk): the person shows an ID, the desk prints the badge
// once and hands it over. Print-once is a rule over the log, not a flag on a row: the first
// 'collect' event of a person (HLC order) is the hand-over; any later one — two desks that
// were offline at the same time — is a badge printed again without a reprint, and is flagged
// as such at every station once the events meet. Pure: station/collect.ts gathers the events.
import { z } from 'zod';
import { compareEvents } from '../hlc';
import { ReprintPayload } from '../records/attendee';

/** A 'collect' event's payload: the badge version that was printed and handed over. */
export const CollectPayload = z.object({ badgeVersion: z.number().int().min(1) });

/** Why a desk did not hand a badge over after the ID check (the registration itself stands). */
export const REFUSAL_REASONS = ['photo_mismatch', 'name_mismatch', 'no_id', 'other'] as const;
export const RefusalReason = z.enum(REFUSAL_REASONS);
export type RefusalReason = z.infer<typeof RefusalReason>;

/** A 'collect_refused' event's payload: a reason code, and the desk's words (required for 'other'). */
export const CollectRefusedPayload = z.object({ reason: RefusalReason, note: z.string().max(300).default('') });

/** One event of a person that says something about their badge. */
export interface CollectionEvent {
  id: string;
  stationId: string;
  hlc: string;
  wallTime: number;
  kind: string;
  payload: unknown;
}

export interface CollectionStep {
  eventId: string;
  stationId: string;
  at: number;
}

export interface CollectionState {
  /** The hand-over that counts: the first 'collect' in log order. */
  handedOver: (CollectionStep & { badgeVersion: number }) | null;
  /** Badges printed by 'collect' after the first: a second badge made without a reprint (counts as one). */
  printedAgain: CollectionStep[];
  /** Reprints (a new badge version; the old badge stops working), with the reason given. */
  reprints: (CollectionStep & { newVersion: number; reason: string })[];
  /** ID checks that ended without a badge, oldest first. */
  refusals: (CollectionStep & { reason: RefusalReason; note: string })[];
}

/** The collection state of one person from their events, in any order of arrival. */
export function collectionState(events: readonly CollectionEvent[]): CollectionState {
  const out: CollectionState = { handedOver: null, printedAgain: [], reprints: [], refusals: [] };
  for (const e of [...events].sort(compareEvents)) {
    const step = { eventId: e.id, stationId: e.stationId, at: e.wallTime };
    if (e.kind === 'collect') {
      const p = CollectPayload.safeParse(e.payload);
      if (!p.success) continue; // unreadable: the event stays in the log and changes nothing
      if (out.handedOver) out.printedAgain.push(step);
      else out.handedOver = { ...step, badgeVersion: p.data.badgeVersion };
    } else if (e.kind === 'collect_refused') {
      const p = CollectRefusedPayload.safeParse(e.payload);
      if (p.success) out.refusals.push({ ...step, reason: p.data.reason, note: p.data.note });
    } else if (e.kind === 'reprint') {
      const p = ReprintPayload.safeParse(e.payload);
      if (p.success) out.reprints.push({ ...step, newVersion: p.data.newVersion, reason: p.data.reason ?? '' });
    }
  }
  return out;
}

/** The kinds collectionState reads. */
export const COLLECTION_KINDS = ['collect', 'collect_refused', 'reprint'] as const;

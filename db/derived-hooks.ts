// Every table derived from the event log besides admissions, in one list. insertEvent
// (db/events.ts) runs each hook on every newly stored event, own or pulled by sync, in the
// same transaction; openStation wires the list at start-up. Each hook acts on its own event
// kinds and depends only on the set of events, so their order here does not matter.
import { applyReprint } from './badges';
import { applyNote, applyWalkin } from './desk';
import type { DerivedHook } from './events';
import { occupancyHook } from './occupancy/derive';

export const DERIVED_HOOKS: readonly DerivedHook[] = [
  applyWalkin, // 'walkin' → the attendee row
  applyNote, // 'note' → the attendee's desk note; 'no_photo' → their "no photography" request
  applyReprint, // 'reprint' → revocations + current badge version
  occupancyHook, // door events → occupancy tables (db/occupancy/derive.ts)
];

// Handouts at the desk (core/checkin/handouts.ts): this desk's list of items (a setting), giving
// an item to a person, taking a numbered one back, and who still holds one. Each hand-out and
// hand-back is one event in the log, so every station's list agrees after sync.
import type { OutList, PersonHandouts, TakeBackResult } from '../core/api/handouts';
import { RECEIVER, personItems, stillOut, type HandoutItem } from '../core/checkin/handouts';
import { legalName } from '../core/sync/visibility';
import { numericDateTime } from '../core/time';
import { getAttendee, getAttendeesByIds } from '../db/attendees';
import { handoutEvents, personHandoutEvents } from '../db/handouts';
import { stationName } from './checkin';
import { UserError } from './errors';
import { handoutItems, saveHandoutItems } from './handout-items';
import type { Station } from './station';

export { handoutItems };

export function setHandoutItems(station: Station, items: HandoutItem[]): HandoutItem[] {
  saveHandoutItems(station, items);
  return handoutItems(station);
}

export function personHandouts(station: Station, attendeeId: string, now: number): PersonHandouts {
  const orm = station.db.orm;
  const mine = personItems(personHandoutEvents(orm, attendeeId), stillOut(handoutEvents(orm)), attendeeId, station.today(now));
  return {
    attendeeId,
    items: handoutItems(station).map((item) => ({ item, out: mine.get(item.id)?.out ?? [], latest: mine.get(item.id)?.latest ?? null })),
  };
}

/**
 * Hands an item to a person (or records their answer). A numbered item needs its number, and one
 * that another person still holds is refused with who has it: it must come back first.
 */
export function giveHandout(
  station: Station,
  a: { attendeeId: string; item: string; number?: string; answer?: 'yes' | 'no' },
  now: number,
  opts: { operator?: string | null } = {},
): PersonHandouts {
  return station.write(() => {
    const orm = station.db.orm;
    const person = getAttendee(orm, a.attendeeId);
    if (!person) throw new UserError('not_found', 'personNotFound');
    const item = handoutItems(station).find((i) => i.id === a.item);
    if (!item) throw new UserError('unknown_item', 'unknownItem');
    if (item.kind === 'numbered' && !a.number) throw new UserError('number_needed', 'numberNeeded');
    if (item.kind === 'question' && !a.answer) throw new UserError('answer_needed', 'answerNeeded');
    if (item.kind === 'numbered') {
      const holder = stillOut(handoutEvents(orm)).find((o) => o.item === item.id && o.number === a.number);
      if (holder && holder.attendeeId !== a.attendeeId) {
        const who = getAttendee(orm, holder.attendeeId);
        const name = who ? legalName(who) : '';
        const since = numericDateTime(holder.at, station.eventInfo().timeZone);
        throw new UserError('already_out', name ? 'alreadyOut' : 'alreadyOutSomeone', { number: a.number!, name, since });
      }
      if (holder) return personHandouts(station, a.attendeeId, now); // the same person, the same device: nothing new
    }
    station.append(
      {
        kind: 'handout',
        attendeeId: a.attendeeId,
        roomId: null,
        sessionId: null,
        verdict: null,
        reason: null,
        operator: opts.operator ?? null,
        payload: {
          item: item.id,
          label: item.label,
          kind: item.kind,
          ...(item.kind === 'numbered' ? { number: a.number } : {}),
          ...(item.kind === 'question' ? { answer: a.answer } : {}),
        },
      },
      now,
    );
    return personHandouts(station, a.attendeeId, now);
  });
}

/** A numbered item came back. Recorded even when this desk did not know it was out (handed out elsewhere, not yet synced). */
export function takeBack(station: Station, item: string, number: string, now: number, opts: { operator?: string | null } = {}): TakeBackResult {
  return station.write(() => {
    const orm = station.db.orm;
    const holder = stillOut(handoutEvents(orm)).find((o) => o.item === item && o.number === number) ?? null;
    station.append(
      { kind: 'handback', attendeeId: holder?.attendeeId ?? null, roomId: null, sessionId: null, verdict: null, reason: null, operator: opts.operator ?? null, payload: { item, number } },
      now,
    );
    const who = holder ? getAttendee(orm, holder.attendeeId) : undefined;
    return {
      number,
      holder: who ? { id: who.id, givenName: who.givenName, familyName: who.familyName, delegation: who.delegation } : null,
      since: holder?.at ?? null,
      stillOut: stillOut(handoutEvents(orm)).filter((o) => o.item === item).length,
    };
  });
}

/** Who still holds one, by delegation (the end-of-day list). */
export function outList(station: Station, item: string = RECEIVER): OutList {
  const orm = station.db.orm;
  const out = stillOut(handoutEvents(orm)).filter((o) => o.item === item);
  const people = new Map(getAttendeesByIds(orm, [...new Set(out.map((o) => o.attendeeId))]).map((a) => [a.id, a]));
  const groups = new Map<string, OutList['groups'][number]>();
  const byPerson = new Map<string, OutList['groups'][number]['people'][number]>();
  for (const o of out.sort((x, y) => x.at - y.at)) {
    const a = people.get(o.attendeeId);
    const delegation = a ? a.delegation || a.organisation : '';
    let g = groups.get(delegation);
    if (!g) groups.set(delegation, (g = { delegation, people: [] }));
    let p = byPerson.get(o.attendeeId);
    if (!p) {
      p = { attendee: { id: o.attendeeId, givenName: a?.givenName ?? '', familyName: a?.familyName ?? '', organisation: a?.organisation ?? '' }, numbers: [] };
      byPerson.set(o.attendeeId, p);
      g.people.push(p);
    }
    p.numbers.push({ number: o.number, at: o.at, stationName: stationName(station, o.stationId) });
  }
  const list = [...groups.values()];
  for (const g of list) g.people.sort((x, y) => x.attendee.familyName.localeCompare(y.attendee.familyName));
  list.sort((x, y) => y.people.length - x.people.length || x.delegation.localeCompare(y.delegation));
  return { total: out.length, groups: list };
}

// Two demo desks that know each other's names, for tests of what desks agree on after sync: each
// desk's API through dispatch() on an injected clock, and exchange(), which does what sync does
// between them (each stores the other's own events; replaying is harmless).
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, expect } from 'vitest';
import { insertEvent, toLogEvent } from '../../db/events';
import { events, stations } from '../../db/schema/index';
import { createHandlers, dispatch } from '../../station/handlers/index';
import type { Station } from '../../station/station';
import { freshStation } from './station';

export type Call = (method: string, args: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;

export interface TwoDesks {
  a: Station;
  b: Station;
  callA: Call;
  callB: Call;
  /** The clock both desks' handlers read (starts at 07:30 UTC on the event's first day). */
  now: number;
}

/** Registers beforeEach/afterEach in the calling file: Desk North (a) and Desk South (b). */
export function useTwoDesks(): TwoDesks {
  const ctx = {} as TwoDesks;
  const caller = (s: Station): Call => {
    const handlers = createHandlers({ now: () => ctx.now });
    return (method, args) => dispatch(handlers, s, method, args) as never;
  };
  beforeEach(() => {
    ctx.a = freshStation({ stationName: 'Desk North' }).station;
    ctx.b = freshStation({ stationName: 'Desk South' }).station;
    // Paired stations know each other's names from the registry.
    for (const [s, other, name] of [[ctx.a, ctx.b, 'Desk South'], [ctx.b, ctx.a, 'Desk North']] as const) {
      s.db.orm.insert(stations).values({ id: other.id, name, role: 'desk' }).run();
    }
    ctx.now = Date.parse(`${ctx.a.eventInfo().days[0]}T07:30:00Z`);
    ctx.callA = caller(ctx.a);
    ctx.callB = caller(ctx.b);
  });
  afterEach(() => {
    ctx.a.close();
    ctx.b.close();
  });
  return ctx;
}

/** The call's value; fails the test with the station's sentence when it refused. */
export async function ok<T>(c: Call, method: string, args: unknown): Promise<T> {
  const r = await c(method, args);
  expect(r.error?.message ?? null, method).toBeNull();
  return r.value as T;
}

/** What sync does between two stations: each stores the other's own events (idempotent). */
export function exchange(x: Station, y: Station, now: number): void {
  const ownOf = (s: Station) => s.db.orm.select().from(events).where(eq(events.stationId, s.id)).all().map(toLogEvent);
  const toX = ownOf(y);
  const toY = ownOf(x);
  x.write(() => toX.forEach((e) => insertEvent(x.db.orm, e, now)));
  y.write(() => toY.forEach((e) => insertEvent(y.db.orm, e, now)));
}

// Applies a pulled page to the station database in short transactions, so a scan never
// waits behind a long download. Events go through insertEvent (idempotent, updates derived
// state); organiser data is upserted (registry edits win). The cursor moves in the same
// transaction as the page's last rows: an interrupted download resumes where it stopped.
import { eq, sql } from 'drizzle-orm';
import { AttendeeFields } from '../../core/records/attendee';
import { EventInfoFields } from '../../core/records/event-info';
import { toColumns } from '../../core/records/fields';
import { RevocationFields } from '../../core/records/revocation';
import { RoomFields } from '../../core/records/room';
import { SessionFields } from '../../core/records/session';
import { KeyFields } from '../../core/records/signing-key';
import { StationFields } from '../../core/records/station';
import type { Change } from '../../core/sync/protocol';
import { upsertAttendees, upsertBadgeCodes } from '../../db/attendees';
import { applyDeskRequests } from '../../db/desk';
import { insertEvent } from '../../db/events';
import { event as eventTable, revocations, rooms, sessionAccess, sessions, signingKeys, stations } from '../../db/schema/index';
import { setSetting } from '../../db/settings';
import { applyRegistryRules } from '../desk-rules';
import type { Station } from '../station';

export const CURSOR = 'sync.cursor';
const DEFAULT_CHUNK = 500;

/** Apply order inside a page: parents before children (rooms before sessions…). */
const ORDER: Record<Change['type'], number> = { event: 0, room: 1, session: 2, station: 3, key: 4, revocation: 5, attendee: 6, log: 7 };

export interface Applied {
  attendees: number;
  events: number;
  other: number;
}

export interface ApplyOptions {
  /** Changes per transaction (default 500: pulls run beside scans). */
  chunk?: number;
  /** The station had nobody before this download: no local codes or notes to reconcile (snapshot.ts). */
  fresh?: boolean;
}

export async function applyPage(station: Station, changes: Change[], nextCursor: string, now: () => number, opts: ApplyOptions = {}): Promise<Applied> {
  const CHUNK = opts.chunk ?? DEFAULT_CHUNK;
  const sorted = [...changes].sort((a, b) => ORDER[a.type] - ORDER[b.type] || a.seq - b.seq);
  const applied: Applied = { attendees: 0, events: 0, other: 0 };
  let maxHlc: string | null = null;
  for (let i = 0; i < sorted.length || i === 0; i += CHUNK) {
    const chunk = sorted.slice(i, i + CHUNK);
    const last = i + CHUNK >= sorted.length;
    station.write(() => {
      const t = now();
      // Attendees go in one batch per chunk (the bulk of a first download).
      const people = chunk.filter((c): c is Extract<Change, { type: 'attendee' }> => c.type === 'attendee');
      if (people.length > 0) applyAttendees(station, people, t, applied, opts.fresh === true);
      for (const c of chunk) {
        if (c.type !== 'attendee') applyOne(station, c, t, applied);
        if (c.type === 'log' && (maxHlc === null || c.data.hlc > maxHlc)) maxHlc = c.data.hlc;
      }
      if (last) {
        // Later local stamps must sort after everything seen (one merge of the page's maximum suffices).
        if (maxHlc) station.receiveClock(maxHlc, now());
        setSetting(station.db.orm, CURSOR, nextCursor);
      }
    });
    if (!last) await new Promise((r) => setImmediate(r)); // let a waiting scan in
  }
  return applied;
}

function applyAttendees(station: Station, people: Extract<Change, { type: 'attendee' }>[], now: number, applied: Applied, fresh: boolean): void {
  const orm = station.db.orm;
  upsertAttendees(orm, people.map(({ data }) => ({ ...toColumns(AttendeeFields, data), updatedAt: now })));
  // The registry's note replaced ours above; a desk note (or "no photography" request) made here
  // (or pulled) that is newer by HLC than the one the registry row carries is put back
  // (docs/sync-protocol.md).
  if (hasDeskRequests(station)) for (const { data: a } of people) applyDeskRequests(orm, a.id);
  // Each code with the badge version it was printed on: the current ones admit, replaced ones
  // (reprints) are refused as such. A registry that sends no retired codes leaves ours as they are.
  upsertBadgeCodes(
    orm,
    people.flatMap(({ data: a }) => [
      ...a.badgeCodes.map((code) => ({ code, attendeeId: a.id, badgeVersion: a.badgeVersion })),
      ...(a.retiredBadgeCodes ?? []).map((r) => ({ code: r.code, attendeeId: a.id, badgeVersion: Math.min(r.badgeVersion, a.badgeVersion) })),
    ]),
  );
  // Codes the organiser removed from a person stop working here too. Only codes of the version
  // the record speaks of: an older version's code stays (its badge is refused as "replaced by
  // a reprint", not "not found"), and so does a newer one (a reprint the registry has not yet had).
  // (A station that had nobody before this download has no codes of its own to drop.)
  const stale = station.db.sqlite.prepare('select code, badge_version as v from badge_codes where attendee_id = ?');
  const drop = station.db.sqlite.prepare('delete from badge_codes where code = ?');
  if (!fresh) for (const { data: a } of people) {
    const keep = new Set([...a.badgeCodes, ...(a.retiredBadgeCodes ?? []).map((r) => r.code)]);
    for (const row of stale.all(a.id) as { code: string; v: number }[]) if (row.v === a.badgeVersion && !keep.has(row.code)) drop.run(row.code);
  }
  applied.attendees += people.length;
}

/** Whether any desk note or photography request is stored here (none: nothing to put back, and 200,000 lookups saved). */
function hasDeskRequests(station: Station): boolean {
  return station.db.sqlite.prepare("select 1 from events where kind in ('note', 'no_photo') limit 1").get() !== undefined;
}

function applyOne(station: Station, c: Change, now: number, applied: Applied): void {
  const orm = station.db.orm;
  switch (c.type) {
    case 'event': {
      const row = toColumns(EventInfoFields, c.data);
      const { id: _id, ...rest } = row;
      orm.delete(eventTable).run();
      orm.insert(eventTable).values(row).onConflictDoUpdate({ target: eventTable.id, set: rest }).run();
      applied.other++;
      break;
    }
    case 'room': {
      const row = toColumns(RoomFields, c.data);
      const { id: _id, ...rest } = row;
      orm.insert(rooms).values(row).onConflictDoUpdate({ target: rooms.id, set: rest }).run();
      applied.other++;
      break;
    }
    case 'session': {
      // A room changed after its session gets a later sequence number and may come on a
      // later page: hold its place so the foreign key holds; the real row overwrites it.
      orm.insert(rooms).values({ id: c.data.roomId, name: c.data.roomId, capacity: 0 }).onConflictDoNothing().run();
      const row = toColumns(SessionFields, c.data);
      const { id: _id, ...rest } = row;
      orm.insert(sessions).values(row).onConflictDoUpdate({ target: sessions.id, set: rest }).run();
      // The organiser's invitation list replaces this station's copy (absent: an older registry, unchanged).
      const invited = c.data.invited;
      if (invited !== undefined) {
        orm.delete(sessionAccess).where(eq(sessionAccess.sessionId, c.data.id)).run();
        for (const attendeeId of invited ?? []) orm.insert(sessionAccess).values({ sessionId: c.data.id, attendeeId }).onConflictDoNothing().run();
      }
      applied.other++;
      break;
    }
    case 'station': {
      const row = toColumns(StationFields, c.data);
      const { id: _id, ...rest } = row;
      // This station's own door setting is made at the station (Door screen); the registry
      // only overrides it when the operator assigned a door there.
      const own = c.data.id === station.id;
      const set = own && c.data.role !== 'door' ? { name: rest.name } : rest;
      // Own admission rules: the local row keeps the desk's own (applied next, if the organiser's are newer).
      const { allowedCategories: _ac, ...keepRules } = set as typeof rest;
      orm.insert(stations).values(row).onConflictDoUpdate({ target: stations.id, set: own ? keepRules : set }).run();
      if (own && c.data.rules) applyRegistryRules(station, c.data.rules);
      if (own) station.invalidate();
      applied.other++;
      break;
    }
    case 'key': {
      // The registry's key replaces any standalone key with the same id, private half included
      // — except this station's own key (same public key): its private half stays to sign with.
      const row = toColumns(KeyFields, c.data);
      const { keyId: _k, ...rest } = row;
      // (Stored as base64 here, base64url by the registry: compare both spellings.)
      const std = Buffer.from(c.data.publicKey, 'base64').toString('base64');
      const privateKey = sql`case when ${signingKeys.publicKey} in (${c.data.publicKey}, ${std}) then ${signingKeys.privateKey} else null end`;
      orm.insert(signingKeys).values(row).onConflictDoUpdate({ target: signingKeys.keyId, set: { ...rest, privateKey } }).run();
      applied.other++;
      break;
    }
    case 'revocation': {
      const row = toColumns(RevocationFields, c.data);
      orm
        .insert(revocations)
        .values(row)
        .onConflictDoUpdate({ target: [revocations.attendeeId, revocations.badgeVersion], set: { revokedAt: row.revokedAt, reason: row.reason } })
        .run();
      applied.other++;
      break;
    }
    case 'log': {
      if (c.data.stationId === station.id) break; // our own events are already here
      if (insertEvent(orm, c.data, now)) applied.events++;
      break;
    }
  }
}

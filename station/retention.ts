// Data retention on a station (docs/data-at-rest.md, "Retention"): from the event's retention
// day, on this station's own clock and with no network needed, delete every name, code, note,
// photo, scanned text and operator name, and keep only what the occupancy counts need — the log's
// times, rooms, sessions and verdicts, with each person replaced by a random stand-in that nothing
// links back (so "how many different people entered" still counts right). Then make the deletion
// reach the bytes: secure_delete zeroes freed pages, VACUUM rewrites the file, and the write-ahead
// log is checkpointed and truncated. Exports and badge PDFs (names) are deleted. After that the
// station no longer syncs: it has nothing personal left to send or receive.
import fs from 'node:fs';
import path from 'node:path';
import { retentionDue, type RetentionDone } from '../core/retention';
import { DbOpenError } from '../db/connection';
import { getSetting, setSetting } from '../db/settings';
import type { Station } from './station';

export const RETENTION_DONE = 'retention.done';

/** When this station deleted personal data (null: not yet). */
export function retentionDone(station: Station): RetentionDone | null {
  return getSetting<RetentionDone>(station.db.orm, RETENTION_DONE) ?? null;
}

/** The station's event, or null while it has none yet (paired, its first download still to come). */
function eventOf(station: Station): ReturnType<Station['eventInfo']> | null {
  try {
    return station.eventInfo();
  } catch (err) {
    if (err instanceof DbOpenError && err.code === 'missing') return null;
    throw err;
  }
}

/** Deletes personal data if the retention day has come and it has not been done; returns what was recorded, or null. */
export function applyRetention(station: Station, now: number): RetentionDone | null {
  if (retentionDone(station)) return null;
  const ev = eventOf(station);
  if (!ev) return null;
  if (!retentionDue(ev.retentionDate, now, ev.timeZone)) return null;
  const done: RetentionDone = { date: ev.retentionDate!, at: now };
  const sqlite = station.db.sqlite;
  sqlite.pragma('secure_delete = ON'); // freed pages are overwritten with zeros, not left behind
  sqlite.pragma('temp_store = MEMORY'); // the stand-in table never touches a temporary file
  station.write(() => {
    sqlite.exec(`
      CREATE TEMP TABLE anon AS
        SELECT old, 'p' || lower(hex(randomblob(8))) AS new FROM (
          SELECT attendee_id AS old FROM events WHERE attendee_id IS NOT NULL
          UNION SELECT attendee_id FROM admissions
          UNION SELECT attendee_id FROM occupancy_stays
          UNION SELECT attendee_id FROM occupancy_effects WHERE attendee_id IS NOT NULL);
      UPDATE events SET attendee_id = (SELECT new FROM anon WHERE old = events.attendee_id) WHERE attendee_id IS NOT NULL;
      UPDATE events SET payload = '{}', operator = NULL, sig = NULL, pushed_at = coalesce(pushed_at, ${Number(now)});
      UPDATE admissions SET attendee_id = (SELECT new FROM anon WHERE old = admissions.attendee_id);
      UPDATE occupancy_stays SET attendee_id = (SELECT new FROM anon WHERE old = occupancy_stays.attendee_id);
      UPDATE occupancy_effects SET attendee_id = (SELECT new FROM anon WHERE old = occupancy_effects.attendee_id) WHERE attendee_id IS NOT NULL;
      DROP TABLE anon;
      DELETE FROM badge_codes;
      DELETE FROM attendee_photos;
      DELETE FROM session_access;
      DELETE FROM revocations;
      DELETE FROM hub_relay;
      DELETE FROM attendees;
      -- What sync set aside (skipped downloads, refused uploads) names registrations by id.
      DELETE FROM settings WHERE key IN ('sync.skipped', 'sync.rejected');
      -- The name index keeps a deleted row's terms in its segments (only marked deleted): rebuild it from the now empty table.
      INSERT INTO attendees_fts(attendees_fts) VALUES('rebuild');
    `);
    setSetting(station.db.orm, RETENTION_DONE, done);
  });
  // Outside the transaction: rewrite the file without the freed pages, then empty the log.
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.exec('VACUUM');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  for (const dir of ['exports', 'badges']) fs.rmSync(path.join(station.dataDir, dir), { recursive: true, force: true });
  station.emit('attendees');
  station.emit('status');
  return done;
}

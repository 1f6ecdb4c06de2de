// Front-desk search over the attendees_fts index (migration 0002_search_fts).
//
// Candidates come from FTS5 prefix queries in three steps — family name exactly,
// family name as a prefix, then anywhere (name, organisation, delegation) — each
// capped, so a one-letter query over 100,000 people stays cheap while the people
// whose family name matches are never crowded out. Badge codes are looked up in
// the badge_codes B-tree. The few hundred candidates are then ranked in
// core/search/rank.ts.
import type Database from 'better-sqlite3';
import { decodeSearchText, parseQuery, SEARCH_KEY_VERSION, type QueryWord } from '../core/search/keys';
import { CODE_SCORE, compareRanked, scoreCandidate, type Ranked } from '../core/search/rank';
import { getAttendee, searchTextFor, type AttendeeRow } from './attendees';
import type { Orm } from './connection';
import { prepared } from './prepared';
import { getSetting, setSetting } from './settings';

/** Which version of the key rules (core/search/keys.ts) built this database's search_text. */
const KEY_VERSION_SETTING = 'search.keyVersion';

/** A new database: no row has keys of older rules (called when a station database is created). */
export function markSearchKeysCurrent(orm: Orm): void {
  setSetting(orm, KEY_VERSION_SETTING, SEARCH_KEY_VERSION);
}

/** drizzle's connection object carries the better-sqlite3 handle (FTS5 is raw SQL). */
function clientOf(orm: Orm): Database.Database {
  return (orm as Orm & { $client: Database.Database }).$client;
}

/** Candidates read per step; ranking only ever looks at this many rows per step. */
const CAP = 200;

export interface SearchResult {
  attendee: AttendeeRow;
  score: number;
}

export function searchAttendees(orm: Orm, query: string, limit = 20): SearchResult[] {
  return searchWithTotal(orm, query, limit).results;
}

/** Most matches counted for "N more": beyond this the desk only needs to know it is many. */
export const COUNT_CAP = 1000;

/**
 * The best `limit` matches, and how many people match in all (up to COUNT_CAP), so the desk
 * can say "12 more — type more of the name" when the list is cut.
 */
export function searchWithTotal(orm: Orm, query: string, limit = 20): { results: SearchResult[]; total: number } {
  ensureSearchIndex(orm);
  const words = parseQuery(query);
  const found = new Map<string, Ranked>();

  for (const hit of codeCandidates(orm, query, limit)) found.set(hit.id, hit);

  if (words.length > 0) {
    const all = words.map((w) => wordExpr(w, true)).join(' AND ');
    const steps = [
      `(${all}) AND family : (${words.map((w) => wordExpr(w, false)).join(' OR ')})`,
      `(${all}) AND family : (${words.map((w) => wordExpr(w, true)).join(' OR ')})`,
      all,
    ];
    const match = prepared(orm, 'search.match', () =>
      clientOf(orm).prepare<[string, number], { id: string; family: string; given: string; org: string }>(
        'SELECT attendee_id AS id, family, given, org FROM attendees_fts WHERE attendees_fts MATCH ? LIMIT ?',
      ),
    );
    for (const expr of steps) {
      for (const row of match.all(expr, CAP)) {
        if (found.has(row.id)) continue;
        const fields = { family: split(row.family), given: split(row.given), org: split(row.org) };
        const score = scoreCandidate(words, fields);
        if (score > 0) found.set(row.id, { id: row.id, score, family: fields.family[0] ?? '', given: fields.given[0] ?? '' });
      }
      // One word: a family-name match always outranks anything the next step can add.
      if (words.length === 1 && found.size >= limit) break;
    }
  }

  const top = [...found.values()].sort(compareRanked).slice(0, limit);
  const results = top.flatMap((r) => {
    const attendee = getAttendee(orm, r.id);
    return attendee ? [{ attendee, score: r.score }] : [];
  });
  let total = found.size;
  if (words.length > 0 && found.size >= limit) {
    const count = prepared(orm, 'search.count', () =>
      clientOf(orm).prepare<[string, number], { n: number }>(
        'SELECT count(*) AS n FROM (SELECT 1 FROM attendees_fts WHERE attendees_fts MATCH ? LIMIT ?)',
      ),
    );
    total = Math.max(total, count.get(words.map((w) => wordExpr(w, true)).join(' AND '), COUNT_CAP)?.n ?? 0);
  }
  return { results, total: Math.min(total, COUNT_CAP) };
}

function split(s: string): string[] {
  return s ? s.split(' ') : [];
}

// FTS5 query text. Tokens contain only letters and digits (core/search/keys.ts),
// and are quoted anyway so no word can be read as an operator (AND, NEAR…).
function term(t: string, prefix: boolean): string {
  return `"${t.replace(/"/g, '""')}"${prefix ? '*' : ''}`;
}

function wordExpr(w: QueryWord, prefix: boolean): string {
  const alts = w.alts.map((alt) => (alt.length === 1 ? term(alt[0]!, prefix) : `(${alt.map((t) => term(t, prefix)).join(' AND ')})`));
  return alts.length === 1 ? alts[0]! : `(${alts.join(' OR ')})`;
}

/** Badge codes typed by hand (a smudged QR): "A23-K7QX2M", or its first few characters. */
function codeCandidates(orm: Orm, query: string, limit: number): Ranked[] {
  const code = query.trim().toUpperCase();
  if (!/^[A-Z0-9][A-Z0-9-]{2,63}$/.test(code) || !/\d/.test(code)) return [];
  const stmt = prepared(orm, 'search.codes', () =>
    clientOf(orm).prepare<[string, string, number], { id: string; code: string; searchText: string }>(
      `SELECT b.attendee_id AS id, b.code AS code, a.search_text AS searchText
         FROM badge_codes b JOIN attendees a ON a.id = b.attendee_id
        WHERE b.code >= ? AND b.code < ? ORDER BY b.code LIMIT ?`,
    ),
  );
  return stmt.all(code, `${code}\u{10ffff}`, limit).map((r) => {
    const f = decodeSearchText(r.searchText);
    return { id: r.id, score: r.code === code ? CODE_SCORE.exact : CODE_SCORE.prefix, family: f.family[0] ?? '', given: f.given[0] ?? '' };
  });
}

// ---------------------------------------------------------------------------
// Keeping the index in step. The triggers of migration 0002 do it on every write;
// this check (once per connection) repairs what a trigger cannot see: rows whose
// search_text was left blank (old rows, or a writer that bypassed searchTextFor),
// triggers lost when a later migration rebuilds the attendees table, and rowids
// renumbered by VACUUM.

const SPLIT = (s: string) => {
  const rest = `substr(${s}, instr(${s}, '|') + 1)`;
  return [
    `substr(${s}, 1, instr(${s}, '|') - 1)`,
    `substr(${rest}, 1, instr(${rest}, '|') - 1)`,
    `substr(${rest}, instr(${rest}, '|') + 1)`,
  ].join(', ');
};
const INSERT_NEW = `INSERT INTO attendees_fts (rowid, attendee_id, family, given, org) VALUES (new.rowid, new.id, ${SPLIT('new.search_text')});`;
const TRIGGERS: Record<string, string> = {
  attendees_fts_ai: `CREATE TRIGGER IF NOT EXISTS attendees_fts_ai AFTER INSERT ON attendees BEGIN ${INSERT_NEW} END`,
  attendees_fts_ad: `CREATE TRIGGER IF NOT EXISTS attendees_fts_ad AFTER DELETE ON attendees BEGIN DELETE FROM attendees_fts WHERE rowid = old.rowid; END`,
  attendees_fts_au: `CREATE TRIGGER IF NOT EXISTS attendees_fts_au AFTER UPDATE OF search_text ON attendees BEGIN DELETE FROM attendees_fts WHERE rowid = old.rowid; ${INSERT_NEW} END`,
};

/** Above this many stale rows the index is rebuilt in bulk instead of row by row. */
const BULK_REPAIR = 2_000;

export interface IndexRepair {
  recomputed: number;
  triggersRestored: number;
  rebuilt: boolean;
}

/**
 * A first download into an empty station (station/sync/snapshot.ts): 'start' stops indexing
 * names row by row, 'finish' indexes every row in one statement and indexes row by row again.
 * If the process stops in between, the check on the next open finds the trigger missing and
 * the counts apart, and rebuilds (repairSearchIndex).
 */
export function bulkSearchIndex(orm: Orm, step: 'start' | 'finish'): void {
  const db = clientOf(orm);
  if (step === 'start') {
    db.exec('DROP TRIGGER IF EXISTS attendees_fts_ai');
    return;
  }
  db.exec(TRIGGERS.attendees_fts_ai!);
  db.exec('DELETE FROM attendees_fts');
  db.exec(`INSERT INTO attendees_fts (rowid, attendee_id, family, given, org) SELECT rowid, id, ${SPLIT('search_text')} FROM attendees`);
}

/** Runs the consistency check once per connection (cheap afterwards). */
export function ensureSearchIndex(orm: Orm): void {
  prepared(orm, 'search.ensured', () => repairSearchIndex(orm));
}

export function repairSearchIndex(orm: Orm, opts: { bulkAbove?: number } = {}): IndexRepair {
  const db = clientOf(orm);
  return db.transaction((): IndexRepair => {
    const have = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'attendees'").all() as { name: string }[]).map((r) => r.name),
    );
    const missing = Object.keys(TRIGGERS).filter((n) => !have.has(n));
    for (const n of missing) db.exec(TRIGGERS[n]!);

    // Keys made by older rules (a database from before SEARCH_KEY_VERSION changed): every row.
    const outdated = getSetting<number>(orm, KEY_VERSION_SETTING) !== SEARCH_KEY_VERSION;
    const stale = db
      .prepare(`SELECT id, given_name, family_name, organisation, delegation, chosen_name FROM attendees${outdated ? '' : " WHERE search_text = ''"}`)
      .all() as { id: string; given_name: string; family_name: string; organisation: string; delegation: string; chosen_name: string | null }[];
    // Many stale rows (new key rules): updating the index row by row through the trigger
    // costs ~130 µs a row; without it, then one bulk rebuild, a fraction.
    const bulk = stale.length > (opts.bulkAbove ?? BULK_REPAIR) || (outdated && stale.length > 0);
    if (bulk) db.exec('DROP TRIGGER IF EXISTS attendees_fts_au');
    const update = db.prepare('UPDATE attendees SET search_text = ? WHERE id = ?');
    for (const r of stale) {
      update.run(searchTextFor({ givenName: r.given_name, familyName: r.family_name, organisation: r.organisation, delegation: r.delegation, chosenName: r.chosen_name }), r.id);
    }
    if (bulk) db.exec(TRIGGERS.attendees_fts_au!);
    if (outdated) markSearchKeysCurrent(orm);

    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const attendees = count('SELECT count(*) AS n FROM attendees');
    // FTS5 keeps one docsize row per document: a B-tree count, not a scan of the index.
    const indexed = count('SELECT count(*) AS n FROM attendees_fts_docsize');
    // Renumbered rowids show at the ends of the table; checking every row costs ~0.5 s at 100k.
    const misaligned = count(
      `SELECT count(*) AS n FROM (
         SELECT rowid FROM attendees_fts_docsize WHERE rowid IN (SELECT rowid FROM attendees_fts_docsize ORDER BY rowid LIMIT 64)
         UNION SELECT rowid FROM attendees_fts_docsize WHERE rowid IN (SELECT rowid FROM attendees_fts_docsize ORDER BY rowid DESC LIMIT 64)
       ) d JOIN attendees_fts f ON f.rowid = d.rowid LEFT JOIN attendees a ON a.rowid = d.rowid
       WHERE a.id IS NULL OR a.id <> f.attendee_id`,
    );
    const rebuilt = bulk || missing.length > 0 || attendees !== indexed || misaligned > 0;
    if (rebuilt) {
      db.exec('DELETE FROM attendees_fts');
      db.exec(`INSERT INTO attendees_fts (rowid, attendee_id, family, given, org) SELECT rowid, id, ${SPLIT('search_text')} FROM attendees`);
    }
    return { recomputed: stale.length, triggersRestored: missing.length, rebuilt };
  })();
}

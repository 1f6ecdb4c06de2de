// A running station: its database, identity and clock. Node only (Electron main
// process or the headless host); no Electron and no React in here.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import * as hlc from '../core/hlc';
import type { LogEvent } from '../core/records/log-event';
import { MAX_EVENT_JSON, jsonBytes } from '../core/sync/protocol';
import { dayInZone } from '../core/time';
import { DB_FILE, DbOpenError, closeStationDb, openStationDb, type Orm, type StationDb } from '../db/connection';
import { DERIVED_HOOKS } from '../db/derived-hooks';
import { insertEvent, lastOwnStamp, maxSeq, setDerivedHooks } from '../db/events';
import { createCheckpointer, type Checkpointer } from '../db/checkpoint';
import { event as eventTable, stations } from '../db/schema/index';
import { markSearchKeysCurrent } from '../db/search';
import { getSetting, setSetting } from '../db/settings';
import { makePrivateDir, privateUmask, tightenTree, touchPrivateFile, writePrivateFile } from '../node-shared/private-files';
import { UserError } from './errors';

export interface StationConfig {
  id: string;
  name: string;
  role: 'desk' | 'door';
  roomId: string | null;
  doorMode: 'entry' | 'exit' | 'toggle' | null;
  allowedCategories: string[] | null;
  repeatPolicy: 'warn' | 'refuse';
}

export interface EventInfo {
  id: string;
  name: string;
  venue: string;
  timeZone: string;
  days: string[];
  description: string;
  indicoHost?: string | null;
  /** The day personal data is deleted (station/retention.ts); null: kept until forgotten. */
  retentionDate?: string | null;
}

type Listener = (topic: string, data?: unknown) => void;

export class Station {
  private clock: hlc.HlcState;
  private seq: number;
  private listeners = new Set<Listener>();

  constructor(
    // Replaced only by adopt() ("Forget this event"); everything reads it through the station.
    public db: StationDb,
    readonly dataDir: string,
    /** What this station's folder was seeded with: "Forget this event" starts again the same way. */
    readonly seed?: StationSeed,
  ) {
    const self = getSetting<string>(db.orm, 'self');
    if (!self) throw new DbOpenError('This station has no identity in its database.', 'corrupt');
    this.seq = maxSeq(db.orm, self);
    this.clock = loadClock(db, self);
    this.checkpoints = db.sqlite.readonly ? null : createCheckpointer(db.sqlite);
  }

  /** WAL checkpoints run between scans (db/checkpoint.ts); none for a read-only database. */
  private checkpoints: Checkpointer | null;
  /** One IMMEDIATE-transaction runner per connection (better-sqlite3 builds a wrapper per call otherwise). */
  private tx: { db: StationDb; run: Database.Transaction<(fn: () => unknown) => unknown> } | null = null;

  // Hot-path caches: every scan reads the station's config and the event. Anything
  // that changes stations, settings or the event row must call invalidate().
  private cached: { id?: string; config?: StationConfig; event?: EventInfo } = {};

  invalidate(): void {
    this.cached = {};
  }

  get id(): string {
    return (this.cached.id ??= getSetting<string>(this.db.orm, 'self')!);
  }

  config(): StationConfig {
    return (this.cached.config ??= this.readConfig());
  }

  private readConfig(): StationConfig {
    const row = this.db.orm.select().from(stations).where(eq(stations.id, this.id)).get();
    return {
      id: this.id,
      name: row?.name ?? 'Station',
      role: (row?.role as StationConfig['role']) ?? 'desk',
      roomId: row?.roomId ?? null,
      doorMode: (row?.doorMode as StationConfig['doorMode']) ?? null,
      allowedCategories: row?.allowedCategories ?? null,
      repeatPolicy: getSetting<'warn' | 'refuse'>(this.db.orm, 'repeatPolicy') ?? 'warn',
    };
  }

  eventInfo(): EventInfo {
    return (this.cached.event ??= this.readEventInfo());
  }

  private readEventInfo(): EventInfo {
    const e = this.db.orm.select().from(eventTable).get();
    if (!e) throw new DbOpenError('This station has no event loaded.', 'missing');
    return e;
  }

  today(now: number): string {
    return dayInZone(now, this.eventInfo().timeZone);
  }

  /**
   * Appends one of this station's own events, stamped with the next sequence
   * number and HLC. Must be called inside a transaction (see `write`), so the
   * event, its derived state and the clock are committed together.
   */
  append(
    e: Omit<LogEvent, 'id' | 'stationId' | 'seq' | 'hlc' | 'wallTime'>,
    now: number,
    timeZone = this.eventInfo().timeZone,
  ): LogEvent & { day: string } {
    const { stamp, state } = hlc.send(this.clock, now);
    const full = {
      ...e,
      id: crypto.randomUUID(),
      stationId: this.id,
      seq: this.seq + 1,
      hlc: stamp,
      wallTime: now,
      day: dayInZone(now, timeZone),
    };
    // Checked before anything is stored or a sequence number or clock tick is spent, with the
    // registry's own measure (the whole wire event in UTF-8 bytes): an event too large to ever
    // upload would sit in the outbox for good.
    if (jsonBytes(full) > MAX_EVENT_JSON) throw new UserError('too_large', 'tooLarge');
    insertEvent(this.db.orm, full, now);
    // The clock is not saved per event: its state IS this event's stamp, and loadClock() takes the
    // newest own stamp on start (one row and one page less in every scan's commit).
    this.clock = state;
    this.seq += 1;
    return full;
  }

  /** Merges a remote HLC (pulled events) into the local clock. */
  receiveClock(remote: string, now: number): hlc.ReceiveResult {
    const r = hlc.receive(this.clock, remote, now);
    this.clock = r.state;
    setSetting(this.db.orm, 'hlc', r.state);
    return r;
  }

  /**
   * Runs `fn` in one IMMEDIATE transaction. better-sqlite3 is synchronous, so
   * when this returns the commit has been fsync'd (synchronous=FULL): only then
   * may a verdict be shown. On failure the in-memory clock/seq are restored.
   */
  write<T>(fn: () => T): T {
    const clock = this.clock;
    const seq = this.seq;
    if (this.tx?.db !== this.db) this.tx = { db: this.db, run: this.db.sqlite.transaction((f: () => unknown) => f()) };
    let out: T;
    try {
      out = this.tx.run.immediate(fn) as T;
    } catch (err) {
      this.clock = clock;
      this.seq = seq;
      throw err;
    }
    this.checkpoints?.afterCommit();
    return out;
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(topic: string, data?: unknown): void {
    for (const l of this.listeners) {
      try {
        l(topic, data);
      } catch {
        // A broken subscriber (closed socket) must never affect a scan.
      }
    }
  }

  close(): void {
    this.checkpoints?.close();
    closeStationDb(this.db);
  }

  /**
   * Takes over a freshly created database in the same folder ("Forget this event",
   * station/forget.ts): new identity, sequence and clock; the transports keep this object.
   */
  adopt(db: StationDb): void {
    const self = getSetting<string>(db.orm, 'self');
    if (!self) throw new DbOpenError('This station has no identity in its database.', 'corrupt');
    this.checkpoints?.close();
    this.checkpoints = db.sqlite.readonly ? null : createCheckpointer(db.sqlite);
    this.db = db;
    this.cached = {};
    this.seq = maxSeq(db.orm, self);
    this.clock = loadClock(db, self);
  }
}

/** Fills a new station's database, in the transaction that creates it. */
export type StationSeed = (orm: Orm, now: number) => void;

/**
 * The clock on start: the later of the saved state (kept when pulled stamps move it) and this
 * station's newest own stamp (own events do not save it), pulled back if an older build let a
 * pulled future stamp drag it ahead.
 */
function loadClock(db: StationDb, self: string): hlc.HlcState {
  const saved = getSetting<hlc.HlcState>(db.orm, 'hlc') ?? hlc.initialState(hlc.nodeIdFor(self));
  const own = lastOwnStamp(db.orm, self);
  const last = own ? hlc.parse(own) : null;
  const later = last && (last.millis > saved.millis || (last.millis === saved.millis && last.counter > saved.counter));
  return hlc.heal(later ? { millis: last.millis, counter: last.counter, node: saved.node } : saved, Date.now());
}

export interface OpenStationOptions {
  /**
   * What a new data folder starts with: the demo event (resources/demo/seed.ts), passed in by
   * the entry points that start a demo. Without one the station holds no event until paired.
   */
  seed?: StationSeed;
  stationName?: string;
  now?: number;
}

const MARKER = 'station.json';

/** What Foyer itself writes in a data folder. Anything else (an operator's own files, the desktop app's browser profile) is left alone. */
export const STATION_FILES = [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`, `${DB_FILE}-journal`, MARKER, 'exports', 'badges'];

/**
 * Opens (or, for a new data folder, creates) a station. A folder that was set up
 * before but lost its database is an error, never a silent empty start.
 */
export function openStation(dataDir: string, opts: OpenStationOptions = {}): Station {
  const file = path.join(dataDir, DB_FILE);
  const markerFile = path.join(dataDir, MARKER);
  const isNew = !fs.existsSync(markerFile);
  // A database without its marker file (written by an older build, or copied in) is
  // adopted as it is: openStationDb below creates nothing that is already there.

  // Personal data and the registry token live here: private whatever the umask (docs/security.md).
  privateUmask();
  if (isNew) {
    makePrivateDir(dataDir);
    // SQLite gives its -wal and -shm files the database file's mode.
    if (!fs.existsSync(file)) touchPrivateFile(file);
  }
  tightenTree(dataDir, { only: (name) => STATION_FILES.includes(name) });
  // Before anything can store an event: every derived table follows the log.
  setDerivedHooks(DERIVED_HOOKS);
  const db = openStationDb(file, { create: isNew });
  try {
    if (!getSetting<string>(db.orm, 'self')) {
      const id = crypto.randomUUID();
      const now = opts.now ?? Date.now();
      db.sqlite.transaction(() => {
        setSetting(db.orm, 'self', id);
        markSearchKeysCurrent(db.orm);
        db.orm
          .insert(stations)
          .values({ id, name: opts.stationName ?? 'Front desk 1', role: 'desk' })
          .run();
        opts.seed?.(db.orm, now);
      })();
      writePrivateFile(markerFile, JSON.stringify({ stationId: id, createdAt: new Date(now).toISOString() }, null, 2));
    }
    return new Station(db, dataDir, opts.seed);
  } catch (err) {
    closeStationDb(db);
    throw err;
  }
}

// One event of the append-only log (a scan, a walk-in, a door entry…) as it travels
// between stations and the registry: every field, plus its event day.
import { z } from 'zod';
import { EventKind, IsoDay, Verdict } from '../model';
import { int, json, recordSchema, text, time } from './fields';

/** An author signature: key id 1–255 (as badges), then 64 bytes in base64url. */
export const EVENT_SIG = /^([1-9]\d{0,2}):([A-Za-z0-9_-]{86})$/;

export const LogEventFields = {
  /** Made on the station (UUID): storing it twice is impossible, so replays are harmless. */
  id: text(z.string().uuid(), { key: true }),
  stationId: text(z.string().min(1).max(64)),
  /** The station's own sequence number (1, 2, 3… with no holes). */
  seq: int(z.number().int().positive()),
  hlc: text(z.string().length(46)),
  wallTime: time(z.number().int()),
  kind: text(EventKind),
  attendeeId: text(z.string().max(64).nullable()),
  roomId: text(z.string().max(64).nullable()),
  sessionId: text(z.string().max(64).nullable()),
  verdict: text(Verdict.nullable()),
  reason: text(z.string().max(64).nullable()),
  operator: text(z.string().max(120).nullable()),
  payload: json(z.record(z.string(), z.unknown())),
  /** Event day ('YYYY-MM-DD', event time zone): admissions are per day. */
  day: text(IsoDay),
  /**
   * The author station's signature, "<key id>:<base64url>" (core/sync/event-signature.ts):
   * lets a LAN hub relay the event without being able to alter it. Absent from events of
   * protocol 1 and until the station first sends the event.
   */
  sig: text(z.string().regex(EVENT_SIG).nullable().optional()),
};

/** A log event as it travels (and as both logs store it). */
export const WireEvent = recordSchema(LogEventFields);
export type WireEvent = z.infer<typeof WireEvent>;

/** A log event before its day is worked out (what a station appends). */
export const LogEvent = WireEvent.omit({ day: true });
export type LogEvent = z.infer<typeof LogEvent>;

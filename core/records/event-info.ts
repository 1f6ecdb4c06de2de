// The event a registry serves (one row on each side): its name, venue, time zone and days.
import { z } from 'zod';
import { IsoDay, MAX_EVENT_DAYS } from '../model';
import { Id, json, recordSchema, text } from './fields';

export const EventInfoFields = {
  id: text(Id, { key: true }),
  name: text(z.string().min(1).max(300)),
  venue: text(z.string().max(300)),
  timeZone: text(z.string().min(1).max(64)),
  /** 'YYYY-MM-DD' days, in the event's time zone. */
  days: json(z.array(IsoDay).min(1).max(MAX_EVENT_DAYS)),
  description: text(z.string().max(4000), { default: '' }),
  /**
   * The Indico server whose ticket QR codes this event accepts ("indico.un.org"); a ticket from
   * any other host is another event's. Null or absent: Indico tickets are not accepted.
   */
  indicoHost: text(z.string().max(200).nullable().optional()),
  /**
   * The day personal data is deleted (docs/data-at-rest.md, "Retention"): from its first moment
   * in the event's time zone, the registry and every station delete names, codes, notes and
   * photos by themselves, keeping anonymous counts. Null or absent: kept until forgotten.
   */
  retentionDate: text(IsoDay.nullable().optional()),
};

export const EventInfoRecord = recordSchema(EventInfoFields);
export type EventInfoRecord = z.infer<typeof EventInfoRecord>;

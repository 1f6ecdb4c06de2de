// A session in a room, with who may attend it.
import { z } from 'zod';
import { CategoryList, Id, json, recordSchema, text, time, travels } from './fields';

/** Largest invitation list of one session (it travels inside the session record). */
export const MAX_INVITED = 5000;

export const SessionFields = {
  id: text(Id, { key: true }),
  roomId: text(Id),
  title: text(z.string().min(1).max(300)),
  startsAt: time(z.number().int()),
  endsAt: time(z.number().int()),
  allowedCategories: json(CategoryList),
  /**
   * Invitation list: only these attendees are admitted (null = open; absent = unchanged, from
   * older registries). The registry keeps it in a column, stations as session_access rows.
   */
  invited: travels(z.array(Id).max(MAX_INVITED).nullable().optional()),
};

export const SessionRecord = recordSchema(SessionFields);
export type SessionRecord = z.infer<typeof SessionRecord>;

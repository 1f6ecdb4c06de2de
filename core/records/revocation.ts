// A superseded badge version (a reprint) or a withdrawn badge: stations refuse it.
import { z } from 'zod';
import { Id, int, recordSchema, text, time } from './fields';

export const RevocationFields = {
  attendeeId: text(Id),
  badgeVersion: int(z.number().int().min(1)),
  revokedAt: time(z.number().int()),
  reason: text(z.string().max(64), { default: 'reprint' }),
};

export const RevocationRecord = recordSchema(RevocationFields);
export type RevocationRecord = z.infer<typeof RevocationRecord>;

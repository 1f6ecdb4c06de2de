// A room and its safe capacity (the fire-safety limit), as organisers set it on the registry.
import { z } from 'zod';
import { CategoryList, Id, int, json, recordSchema, text } from './fields';

export const RoomFields = {
  id: text(Id, { key: true }),
  name: text(z.string().min(1).max(200)),
  capacity: int(z.number().int().min(0).max(1_000_000)),
  warnPct: int(z.number().int().min(1).max(100), { default: 80 }),
  criticalPct: int(z.number().int().min(1).max(100), { default: 95 }),
  /** What a door does at 100%: refuse entry, or only warn. */
  fullPolicy: text(z.enum(['refuse', 'warn']), { default: 'refuse' }),
  allowedCategories: json(CategoryList),
  floor: text(z.string().max(100), { default: '' }),
};

export const RoomRecord = recordSchema(RoomFields);
export type RoomRecord = z.infer<typeof RoomRecord>;

// A paired station as every other station sees it: name, role, door, and whether it was revoked.
import { z } from 'zod';
import { RegistryRules } from '../checkin/desk-rules';
import { DoorMode, StationRole } from '../model';
import { CategoryList, Id, json, recordSchema, text, travels } from './fields';

export const StationFields = {
  id: text(Id, { key: true }),
  name: text(z.string().min(1).max(120)),
  role: text(StationRole, { default: 'desk' }),
  roomId: text(Id.nullable()),
  /** For door stations: what a scan at this door means. */
  doorMode: text(DoorMode.nullable()),
  /** Categories this desk admits; null = all. */
  allowedCategories: json(CategoryList),
  /** The registry keeps when (revoked_at); stations need only whether. */
  revoked: travels(z.boolean()),
  /** Admission rules the organiser set for this station (null/absent: none; the station decides). */
  rules: travels(RegistryRules.nullable().optional()),
};

export const StationRecord = recordSchema(StationFields);
export type StationRecord = z.infer<typeof StationRecord>;

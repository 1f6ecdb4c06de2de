// What the room detail says after a manual count or a sweep, in the desk's language, from the
// station's result (its English message stays the log's and the fallback's).
import type { CounterResult, SweepResult } from '../../../../core/api/occupancy';
import { t } from '../../i18n';

export function counterNote(r: CounterResult, delta: number): string {
  const room = r.room.name;
  if (r.applied) return t('detail.counted', { delta: delta > 0 ? `+${delta}` : `−${Math.abs(delta)}`, room });
  return r.room.current === 0 ? t('detail.nobodyInside', { room }) : t('detail.onlyInside', { room, count: r.room.current });
}

export function sweepNote(r: SweepResult): string {
  return t('detail.swept', { room: r.room.name, count: r.cleared });
}

// The door's answer in the desk's language, from the reason code; the station's English
// sentence is the fallback. Category labels come from i18n by category code, like the desk's.
import type { DoorScanResult } from '../../../../core/api/occupancy';
import { clockTime } from '../../format';
import { categoryName } from '../../i18n/verdict';
import { hasMessage, t } from '../../i18n';

export function doorSentence(r: DoorScanResult, timeZone: string): string {
  const key = `doorReason.${r.reason}`;
  if (!hasMessage(key)) return r.message; // a reason this renderer does not know yet: the station's sentence
  return t(key, {
    name: r.attendee ? r.attendee.givenName || r.attendee.familyName : '',
    room: r.room?.name ?? '',
    session: r.room?.session?.title ?? '',
    category: r.attendee ? categoryName(r.attendee.category, r.attendee.categoryLabel) : '',
    since: r.insideSince ? clockTime(r.insideSince, timeZone) : '?',
  });
}

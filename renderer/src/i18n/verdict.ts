// The verdict sentence in the desk's language, from the reason code and the params the
// station used for its English sentence (CheckInResult.params). Dates and times are
// formatted here, in the event's time zone and the desk's locale.
import { replacedByReprint } from '../../../core/checkin/messages';
import type { CheckInResult, MessageParams } from '../../../core/model';
import { momentParts, when } from '../format';
import { hasMessage, t, type MessageKey } from './index';

export function verdictSentence(r: CheckInResult, timeZone: string): string {
  const p = r.params ?? {};
  const a = r.attendee;
  const first = r.firstAdmission;
  const key = `reason.${r.reason}`;
  if (!hasMessage(key)) return r.message; // a reason this renderer does not know yet: the station's sentence
  if (r.reason === 'revoked') return revokedSentence(p, timeZone, r.at);
  if (r.reason === 'handout_item') return t(p.holder ? 'reason.handout_itemOut' : 'reason.handout_item', { number: p.number ?? '?', holder: p.holder ?? '' });
  const categoryKey = a ? `category.${a.category}` : '';
  return t(key as MessageKey, {
    name: p.name || a?.givenName || a?.familyName || t('reasonFallback.guest'),
    firstAt: first ? when(first.at, timeZone, r.at) : (p.firstAt ?? '?'),
    firstWhere: first?.stationName ?? p.firstWhere ?? t('reasonFallback.anotherStation'),
    category: hasMessage(categoryKey) ? t(categoryKey) : (p.category ?? a?.categoryLabel ?? ''),
    room: p.room ?? t(r.reason === 'room_full' ? 'reasonFallback.theRoom' : 'reasonFallback.thisRoom'),
    notes: p.notes ?? a?.notes ?? '',
  });
}

/** A person's category in the desk's language (the station sends an English label too). */
export function categoryName(category: string, fallback: string): string {
  const key = `category.${category}`;
  return hasMessage(key) ? t(key) : fallback;
}

/** "Replaced by a reprint" or "withdrawn" (by the revocation's reason), then "today at 09:14" or "on 18 Apr at 09:14". */
function revokedSentence(p: MessageParams, timeZone: string, now: number): string {
  const reprint = replacedByReprint(p);
  if (p.revokedAtMs === undefined) return t(reprint ? 'reason.revokedNoDate' : 'reason.withdrawnNoDate');
  const m = momentParts(p.revokedAtMs, timeZone, now);
  if (m.today) return t(reprint ? 'reason.revokedToday' : 'reason.withdrawnToday', { time: m.time });
  return t(reprint ? 'reason.revoked' : 'reason.withdrawn', { date: m.date, time: m.time });
}

// How a screen shows a person under the safeguarding rules (docs/safeguarding.md). Desks see the
// legal name with a discreet marker and the name to use aloud; shared screens (doors, room detail)
// get only what core/sync/visibility.ts onSharedScreen leaves, and say "Protected participant"
// when a protected person has no chosen name. "No photography" shows wherever the person does.
import type { AttendeeSummary } from '../../../core/model';
import { t } from '../i18n';
import { Icon } from './Icon';

type Person = Pick<AttendeeSummary, 'givenName' | 'familyName' | 'protected'>;

/** The name to show: as the station gave it, or "Protected participant" when a protected person has none. */
export function shownName(a: Person): string {
  const name = `${a.givenName} ${a.familyName}`.trim();
  return name || (a.protected ? t('safeguard.protectedParticipant') : '');
}

/** The desk's marker: protected, do not call the name aloud, and the name they go by. */
export function ProtectedMarker({ person, compact = false }: { person: Partial<Pick<AttendeeSummary, 'protected' | 'chosenName'>>; compact?: boolean }) {
  if (!person.protected) return null;
  const chosen = person.chosenName?.trim() ?? '';
  return (
    <span className="tag tag--protected" data-testid="protected-marker">
      <Icon name="shield" />
      {compact ? t('safeguard.protectedParticipant') : t('safeguard.marker')}
      {!compact && chosen && <span dir="auto"> · {t('safeguard.goesBy', { name: chosen })}</span>}
    </span>
  );
}

/** The "no photography" mark (anyone may ask for it). */
export function NoPhotoMark({ person }: { person: Partial<Pick<AttendeeSummary, 'noPhoto'>> }) {
  if (!person.noPhoto) return null;
  return (
    <span className="tag tag--nophoto" data-testid="no-photo">
      <Icon name="noCamera" />
      {t('safeguard.noPhoto')}
    </span>
  );
}

/** The same mark for media staff (door setting "Media staff work this door"): the whole width, in large letters. */
export function NoPhotoBanner() {
  return (
    <p className="nophoto-banner" role="alert" data-testid="no-photo-banner">
      <Icon name="noCamera" className="nophoto-banner__icon" />
      {t('safeguard.noPhoto')}
    </p>
  );
}

// A door station at the venue exit (docs/evacuation.md): each badge scanned records that its owner
// left the building (a 'departure'), so the roll call's "inside now" is right; a scan at the front
// desk or a room door counts them inside again. The number of people inside the venue fills the screen.
import { useCallback, useState } from 'react';
import type { DepartResult, EvacuationView } from '../../../../core/api/evacuation';
import type { DoorStatus } from '../../../../core/api/occupancy';
import { api, announce } from '../../api';
import { useApiQuery } from '../../api/useApiQuery';
import { Icon } from '../../components/Icon';
import { t } from '../../i18n';
import { errorText } from '../../i18n/station';
import { getPrefs } from '../../prefs/prefs';
import { playCue } from '../../sound/tones';
import { ErrorAnswer, IdleAnswer, NoPhotoAnswer, useFresh } from '../occupancy/door-parts';
import { ScanPost } from './ScanPost';

const TOPICS = ['occupancy', 'sync', 'scan'] as const;

type Answer = { result: DepartResult } | { error: string };

export function VenueExit({ status, onChange }: { status: DoorStatus; onChange: () => void }) {
  const q = useApiQuery<EvacuationView>(() => api['evacuation.view']({}), TOPICS, [], { intervalMs: 5000 });
  const [answer, setAnswer] = useState<Answer | null>(null);
  const fresh = useFresh(answer);
  const refresh = q.refresh;
  const depart = useCallback(
    async (text: string, alternatives: string[]) => {
      try {
        const result = await api['evacuation.depart'](alternatives.length > 0 ? { text, alternatives } : { text });
        setAnswer({ result });
        if (!getPrefs().muted) playCue(result.outcome === 'unknown' ? 'refused' : result.outcome === 'left' ? 'admitted' : 'warning');
        announce('occupancy');
      } catch (err) {
        setAnswer({ error: errorText(err) });
      }
      refresh();
    },
    [refresh],
  );
  const inside = answer && 'result' in answer && fresh ? answer.result.inside : q.data?.inside;
  const main = (
    <>
      <div className="post__count post__count--exit" aria-live="polite">
        <span className="post__number" data-testid="exit-inside">
          {inside ?? '–'}
        </span>
        <span className="post__label">{t('evac.venueExit.insideNow')}</span>
      </div>
      <ExitAnswer answer={answer} fresh={fresh} mediaStaff={status.station.mediaStaff} />
    </>
  );
  return (
    <ScanPost status={status} title={t('evac.venueExit.title')} onChange={onChange} onScan={(text, alt) => void depart(text, alt)} hint={t('evac.venueExit.hint')} main={main} side={null} testId="venue-exit" />
  );
}

function ExitAnswer({ answer, fresh, mediaStaff }: { answer: Answer | null; fresh: boolean; mediaStaff: boolean }) {
  if (!answer) return <IdleAnswer word={t('door.ready')} testId="exit-verdict" className="post__answer" />;
  if ('error' in answer) return <ErrorAnswer text={answer.error} testId="exit-verdict" className="post__answer" />;
  const r = answer.result;
  const look = r.outcome === 'unknown' ? 'refused' : r.outcome === 'left' ? 'admitted' : 'warning';
  const name = r.attendee ? r.attendee.givenName || t('safeguard.protectedParticipant') : '';
  return (
    <div className={`door-answer door-answer--${look} post__answer${fresh ? '' : ' door-answer--stale'}`} data-testid="exit-verdict" data-outcome={r.outcome} role={look === 'refused' ? 'alert' : 'status'}>
      <div className="door-answer__band">
        <Icon name={look === 'refused' ? 'cross' : 'exit'} className="door-answer__icon" />
        <span className="door-answer__word">{look === 'refused' ? t('door.refused') : t('evac.venueExit.out')}</span>
      </div>
      <NoPhotoAnswer person={r.attendee} mediaStaff={mediaStaff} />
      <p className="door-answer__msg">{t(`evac.venueExit.outcome.${r.outcome}`, { name })}</p>
    </div>
  );
}

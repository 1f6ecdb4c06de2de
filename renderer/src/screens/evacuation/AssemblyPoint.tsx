// A door station at the assembly point (docs/evacuation.md): each badge scanned (scanner, typed
// or camera) marks its owner safe during an evacuation or drill; the count of people not yet
// accounted for fills the screen, and the list of their names shrinks as marks arrive from this
// and every other station (the list is a function of the merged log). Names follow the
// safeguarding rule; someone without a badge is marked safe by name from the list.
import { useCallback, useState } from 'react';
import type { EvacuationView, SafeResult } from '../../../../core/api/evacuation';
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

type Answer = { result: SafeResult } | { error: string };

export function AssemblyPoint({ status, onChange }: { status: DoorStatus; onChange: () => void }) {
  const q = useApiQuery<EvacuationView>(() => api['evacuation.view']({}), TOPICS, [], { intervalMs: 5000 });
  const [answer, setAnswer] = useState<Answer | null>(null);
  const fresh = useFresh(answer);
  const v = q.data;
  const refresh = q.refresh;
  const mark = useCallback(
    async (args: { text: string; alternatives: string[] } | { attendeeId: string }) => {
      try {
        const result = await api['evacuation.safe']('text' in args && args.alternatives.length === 0 ? { text: args.text } : args);
        setAnswer({ result });
        if (!getPrefs().muted) playCue(result.outcome === 'marked' || result.outcome === 'not_inside' ? 'admitted' : result.outcome === 'already' ? 'warning' : 'refused');
        announce('occupancy');
      } catch (err) {
        setAnswer({ error: errorText(err) });
      }
      refresh();
    },
    [refresh],
  );
  const missing = v ? v.floors.flatMap((f) => f.rooms.flatMap((r) => r.people.filter((p) => !p.safe).map((p) => ({ ...p, where: [f.floor, r.roomName || t('evac.elsewhere')].filter(Boolean).join(' · ') })))) : [];
  const main = (
    <>
      {v && !v.evacuation && (
        <p className="post__notice" role="status" data-testid="assembly-not-running">
          {t('evac.assembly.notRunning')} <a href="#/evacuation">{t('evac.assembly.openRollCall')}</a>
        </p>
      )}
      <div className={`post__count${v && v.unaccounted === 0 ? ' post__count--done' : ''}`} aria-live="polite">
        <span className="post__number" data-testid="assembly-unaccounted">
          {v ? v.unaccounted : '–'}
        </span>
        <span className="post__label">{t('evac.unaccounted')}</span>
        {v && (
          <span className="post__sub">
            {v.safe} {t('evac.safe')} · {v.inside} {t('evac.inside')}
          </span>
        )}
      </div>
      <AssemblyAnswer answer={answer} fresh={fresh} mediaStaff={status.station.mediaStaff} />
    </>
  );
  const side = (
    <section className="post__list" aria-labelledby="assembly-missing">
      <h2 id="assembly-missing">
        {t('evac.assembly.stillMissing')} ({missing.length})
      </h2>
      {q.error && <p role="alert">{q.error}</p>}
      {v && missing.length === 0 ? (
        <p>{t('evac.assembly.allAccounted')}</p>
      ) : (
        <ul data-testid="assembly-missing">
          {missing.map((p) => {
            const name = p.name || t('safeguard.protectedParticipant');
            return (
              <li key={p.attendeeId} className="evac__person" data-testid="assembly-person">
                <span dir="auto">{name}</span>
                <span className="evac__cat">{p.where}</span>
                {v?.evacuation && (
                  <button type="button" className="button button--small" onClick={() => void mark({ attendeeId: p.attendeeId })} aria-label={`${t('evac.markSafe')}: ${name}`}>
                    {t('evac.markSafe')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
  return (
    <ScanPost
      status={status}
      title={t('evac.assembly.title')}
      onChange={onChange}
      onScan={(text, alternatives) => void mark({ text, alternatives })}
      hint={t('evac.assembly.hint')}
      main={main}
      side={side}
      testId="assembly"
    />
  );
}

function AssemblyAnswer({ answer, fresh, mediaStaff }: { answer: Answer | null; fresh: boolean; mediaStaff: boolean }) {
  if (!answer) return <IdleAnswer word={t('evac.assembly.ready')} testId="assembly-verdict" className="post__answer" />;
  if ('error' in answer) return <ErrorAnswer text={answer.error} testId="assembly-verdict" className="post__answer" />;
  const r = answer.result;
  const good = r.outcome === 'marked' || r.outcome === 'not_inside' || r.outcome === 'undone';
  const look = good ? 'admitted' : r.outcome === 'already' ? 'warning' : 'refused';
  const name = r.attendee ? r.attendee.givenName || t('safeguard.protectedParticipant') : '';
  return (
    <div className={`door-answer door-answer--${look} post__answer${fresh ? '' : ' door-answer--stale'}`} data-testid="assembly-verdict" data-outcome={r.outcome} role={look === 'refused' ? 'alert' : 'status'}>
      {good && (
        <div className="door-answer__band">
          <Icon name="check" className="door-answer__icon" />
          <span className="door-answer__word">{t('evac.assembly.safeWord')}</span>
        </div>
      )}
      {name && (
        <p className="door-answer__name" dir="auto">
          {name}
        </p>
      )}
      <NoPhotoAnswer person={r.attendee} mediaStaff={mediaStaff} />
      <p className="door-answer__msg">{t(`evac.outcome.${r.outcome}`, { name, n: r.unaccounted })}</p>
    </div>
  );
}

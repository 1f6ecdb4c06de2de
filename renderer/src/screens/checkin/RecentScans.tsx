// This station's last 10 check-in decisions, newest first. Undone ones are struck
// through AND labelled "undone" (not by styling alone). An admission made here can be
// undone from its row at any age, after a confirmation that names the person and time.
import { useEffect, useRef, useState } from 'react';
import type { RecentScan } from '../../../../core/api/checkin';
import type { Verdict } from '../../../../core/model';
import { api } from '../../api';
import { useApiQuery } from '../../api/useApiQuery';
import { Icon, type IconName } from '../../components/Icon';
import { ProtectedMarker } from '../../components/Safeguard';
import { useScrollableFocus } from '../../components/useScrollableFocus';
import { clockTime } from '../../format';
import { hasMessage, t } from '../../i18n';

const SHOWN = 10;
const VERDICT_ICON: Record<Verdict, IconName> = { admitted: 'check', warning: 'warning', refused: 'cross' };
const TOPICS = ['scan'] as const;

export function RecentScans({ timeZone, onUndo }: { timeZone: string; onUndo: (eventId: string) => void }) {
  const [confirming, setConfirming] = useState<string | null>(null);
  // Undo events take rows in the log; ask for more so 10 decisions remain.
  const { data, error } = useApiQuery(() => api['checkin.recent']({ limit: SHOWN * 2 }), TOPICS);
  const rows = (data ?? []).filter((r) => r.kind !== 'undo').slice(0, SHOWN);
  const box = useRef<HTMLElement>(null);
  useScrollableFocus(box);
  return (
    <section ref={box} className="panel recent" aria-labelledby="recent-title">
      <h2 id="recent-title" className="panel__title">
        {t('recent.title')}
      </h2>
      {/* With a list on screen the status bar already raises the alarm; don't shout twice. */}
      {error && !data && <p className="panel__error">{error}</p>}
      {data && rows.length === 0 && <p className="panel__empty">{t('recent.empty')}</p>}
      <ol className="recent__list" data-testid="recent-scans">
        {rows.map((r) => (
          <RecentRow
            key={r.eventId}
            row={r}
            timeZone={timeZone}
            confirming={confirming === r.eventId}
            onAsk={() => setConfirming(r.eventId)}
            onAnswer={(yes) => {
              setConfirming(null);
              if (yes) onUndo(r.eventId);
            }}
          />
        ))}
      </ol>
    </section>
  );
}

function reasonLabel(row: RecentScan): string {
  const key = `reasonShort.${row.reason}`;
  return row.reason && hasMessage(key) ? t(key) : row.message;
}

interface RowProps {
  row: RecentScan;
  timeZone: string;
  confirming: boolean;
  onAsk: () => void;
  onAnswer: (yes: boolean) => void;
}

function RecentRow({ row, timeZone, confirming, onAsk, onAnswer }: RowProps) {
  const name = row.attendee ? `${row.attendee.givenName} ${row.attendee.familyName}` : t('verdict.unknownPerson');
  const verdict = row.verdict ?? 'refused';
  const time = clockTime(row.at, timeZone);
  // The question opens under its row, maybe below the list's fold: bring it (and its No) into view.
  const confirmBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirming) confirmBox.current?.scrollIntoView?.({ block: 'nearest' });
  }, [confirming]);
  return (
    <li
      className={`recent__row recent__row--${verdict}${row.undone ? ' recent__row--undone' : ''}`}
      data-testid="recent-scan"
      data-verdict={verdict}
      data-undone={row.undone ? 'true' : 'false'}
    >
      <span className="recent__time">{time}</span>
      <span className={`recent__verdict recent__verdict--${verdict}`}>
        <Icon name={VERDICT_ICON[verdict]} />
        <span className="visually-hidden">{t(`verdict.${verdict}`)}</span>
      </span>
      <span className="recent__who">
        <span className="recent__name" dir="auto">
          {name}
        </span>
        {row.attendee && <ProtectedMarker person={row.attendee} compact />}
        <span className="recent__msg">
          {row.via === 'search' ? `${t('recent.manual')} · ` : row.via === 'walkin' ? `${t('recent.walkin')} · ` : ''}
          {reasonLabel(row)}
        </span>
      </span>
      {row.undone && <span className="recent__undone">{t('recent.undone')}</span>}
      {row.undoable && !confirming && (
        <button type="button" className="button recent__undo" data-testid="recent-undo" aria-label={t('recent.undoLabel', { name })} onClick={onAsk}>
          <Icon name="undo" />
          <span className="recent__undo-word">{t('recent.undo')}</span>
        </button>
      )}
      {confirming && (
        <div ref={confirmBox} className="recent__confirm" role="group" aria-label={t('recent.undoLabel', { name })} data-testid="recent-undo-confirm">
          <span dir="auto">{t('recent.confirmUndo', { name, time })}</span>
          <button type="button" className="button button--danger" data-testid="recent-undo-yes" onClick={() => onAnswer(true)} autoFocus>
            {t('recent.confirmYes')}
          </button>
          <button type="button" className="button" data-testid="recent-undo-no" onClick={() => onAnswer(false)}>
            {t('recent.confirmNo')}
          </button>
        </div>
      )}
    </li>
  );
}

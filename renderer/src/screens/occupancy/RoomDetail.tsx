// One room: the day's occupancy chart, its sessions with attendance and exports, the
// last scans, the manual counter for an unscanned door, and the sweep at session end.
import { useEffect, useRef, useState } from 'react';
import type { RoomDetail as Detail, RoomEventView, SessionAttendance } from '../../../../core/api/occupancy';
import { api, announce } from '../../api';
import { useApiQuery } from '../../api/useApiQuery';
import { Icon } from '../../components/Icon';
import { clockTime } from '../../format';
import { offerDownload } from './download';
import { counterNote, sweepNote } from './notes';
import { OccupancyChart } from './OccupancyChart';
import { FillBar, StatePill, trendText } from './RoomCard';
import { currentLanguage, hasMessage, t } from '../../i18n';
import { errorText } from '../../i18n/station';

const TOPICS = ['occupancy', 'sync'] as const;
const OPERATOR_KEY = 'foyer.operatorName';

function savedOperator(): string {
  try {
    return localStorage.getItem(OPERATOR_KEY) ?? '';
  } catch {
    return '';
  }
}

export function RoomDetail({ roomId, timeZone }: { roomId: string; timeZone: string }) {
  const q = useApiQuery<Detail>(() => api['occupancy.room']({ roomId, recent: 15 }), TOPICS, [roomId], { intervalMs: 30_000 });
  const [note, setNote] = useState<{ text: string; bad: boolean } | null>(null);
  const d = q.data;

  const run = async (fn: () => Promise<string | null>) => {
    try {
      const text = await fn();
      if (text) setNote({ text, bad: false });
      announce('occupancy');
    } catch (err) {
      setNote({ text: errorText(err), bad: true });
    }
  };
  const exportFile = (args: Parameters<(typeof api)['occupancy.export']>[0]) =>
    run(async () => {
      const f = await api['occupancy.export']({ ...args, lang: currentLanguage() });
      offerDownload(f);
      return t('detail.saved', { file: f.fileName, path: f.path });
    });

  if (!d) {
    return <div className="room-detail">{q.error ? <p role="alert">{q.error}</p> : null}</div>;
  }
  const r = d.room;
  return (
    <div className="room-detail" data-testid="room-detail" data-room={r.id}>
      <div className="room-detail__head">
        <a className="button" href="#/rooms" data-testid="back-to-rooms">
          ← {t('rooms.back')}
        </a>
        <h1 className="room-detail__name">{r.name}</h1>
        <span className="room-detail__count" data-testid="room-current">
          {r.current}
        </span>
        <span className="room-detail__cap">/ {r.capacity}</span>
        <StatePill room={r} />
        <span className="room-detail__trend">{trendText(r.trend)}</span>
      </div>
      <FillBar room={r} big />
      {note && (
        <p className={note.bad ? 'rooms__error' : 'rooms__note'} role={note.bad ? 'alert' : 'status'}>
          {note.text}
        </p>
      )}
      <div className="room-detail__body">
        <div className="room-detail__main">
          <section className="panel">
            <div className="panel__head">
              <h2>{t('detail.chart')}</h2>
              <span className="panel__aside">{t('detail.peak', { n: d.peakToday })}</span>
              <button type="button" className="button button--small" onClick={() => void exportFile({ kind: 'series_csv', roomId: r.id, day: d.day })} data-testid="export-series">
                {t('detail.exportSeries')}
              </button>
            </div>
            <OccupancyChart series={d.series} capacity={r.capacity} warnPct={r.warnPct} timeZone={timeZone} label={t('detail.chartLabel', { room: r.name })} />
          </section>
          <Sessions sessions={d.sessions} warnPct={r.warnPct} timeZone={timeZone} onExport={(id) => void exportFile({ kind: 'attendance_csv', sessionId: id })} />
        </div>
        <div className="room-detail__side">
          <Counter roomId={r.id} current={r.current} inside={r.inside} tally={r.tally} run={run} />
          <Sweep roomId={r.id} roomName={r.name} current={r.current} run={run} />
          <Recent events={d.recent} timeZone={timeZone} />
        </div>
      </div>
    </div>
  );
}

function Sessions({ sessions, warnPct, timeZone, onExport }: { sessions: SessionAttendance[]; warnPct: number; timeZone: string; onExport: (id: string) => void }) {
  return (
    <section className="panel">
      <div className="panel__head">
        <h2>{t('detail.sessions')}</h2>
      </div>
      {sessions.length === 0 ? (
        <p className="panel__empty">{t('detail.noSessions')}</p>
      ) : (
        <table className="sessions" data-testid="sessions">
          <thead>
            <tr>
              <th>{t('detail.time')}</th>
              <th>{t('detail.session')}</th>
              <th className="num">{t('detail.peakCol')}</th>
              <th className="num">{t('detail.unique')}</th>
              <th className="num">{t('detail.aboveWarn', { pct: warnPct })}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id} data-testid="session-row" data-session={s.id} className={s.phase === 'running' ? 'sessions__now' : undefined}>
                <td>
                  {clockTime(s.startsAt, timeZone)}–{clockTime(s.endsAt, timeZone)} <span className="sessions__phase">{t(`detail.phase.${s.phase}`)}</span>
                </td>
                <td>{s.title}</td>
                <td className="num">{s.phase === 'upcoming' ? '–' : s.peak}</td>
                <td className="num" data-testid="session-unique">
                  {s.phase === 'upcoming' ? '–' : s.unique}
                </td>
                <td className="num">{s.phase === 'upcoming' ? '–' : t('detail.minutes', { n: Math.round(s.aboveWarnMs / 60_000) })}</td>
                <td>
                  <button type="button" className="button button--small" onClick={() => onExport(s.id)} disabled={s.phase === 'upcoming'}>
                    {t('detail.exportAttendance')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

type Run = (fn: () => Promise<string | null>) => Promise<void>;

function Counter({ roomId, current, inside, tally, run }: { roomId: string; current: number; inside: number; tally: number; run: Run }) {
  const [operator, setOperator] = useState(savedOperator);
  const press = (delta: number) =>
    run(async () => {
      try {
        localStorage.setItem(OPERATOR_KEY, operator);
      } catch {
        // not persisted
      }
      const r = await api['occupancy.counter']({ roomId, delta, operator: operator || undefined });
      return counterNote(r, delta);
    });
  return (
    <section className="panel">
      <div className="panel__head">
        <h2>{t('detail.counter')}</h2>
      </div>
      <p className="panel__hint">{t('detail.counterHint')}</p>
      <label className="field">
        <span>{t('detail.operator')}</span>
        <input value={operator} maxLength={120} onChange={(e) => setOperator(e.target.value)} data-testid="operator" />
      </label>
      <div className="counter">
        {/* The name starts with what the button shows ("−1 One out"): voice control users say what they see. */}
        <button type="button" className="button counter__btn" onClick={() => void press(-1)} disabled={current <= 0} data-testid="counter-minus">
          −1 <span className="visually-hidden">{t('detail.minus')}</span>
        </button>
        <button type="button" className="button counter__btn" onClick={() => void press(1)} data-testid="counter-plus">
          +1 <span className="visually-hidden">{t('detail.plus')}</span>
        </button>
      </div>
      <p className="panel__hint">{t('detail.inside', { scanned: inside, tally: tally >= 0 ? `+${tally}` : `${tally}` })}</p>
    </section>
  );
}

function Sweep({ roomId, roomName, current, run }: { roomId: string; roomName: string; current: number; run: Run }) {
  const [asking, setAsking] = useState(false);
  // The safe answer has the focus: Enter on a sweep question must not empty a full room.
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) cancel.current?.focus();
  }, [asking]);
  return (
    <section className="panel">
      <button type="button" className="button button--wide" onClick={() => setAsking(true)} data-testid="sweep">
        <Icon name="undo" />
        {t('detail.sweep')}
      </button>
      <p className="panel__hint">{t('detail.sweepHint')}</p>
      {asking && (
        <div
          className="confirm"
          role="alertdialog"
          aria-modal="true"
          aria-labelledby="sweep-q"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setAsking(false);
          }}
        >
          <p id="sweep-q">{t('detail.sweepConfirm', { room: roomName, count: current })}</p>
          <div className="confirm__actions">
            <button type="button" ref={cancel} className="button" onClick={() => setAsking(false)}>
              {t('detail.cancel')}
            </button>
            <button
              type="button"
              className="button button--danger"
              data-testid="sweep-confirm"
              onClick={() => {
                setAsking(false);
                void run(async () => sweepNote(await api['occupancy.sweep']({ roomId })));
              }}
            >
              {t('detail.sweepYes')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/** What a scan did to the count ('in', 'double scan'…); an effect this renderer does not know shows as sent. */
function effectWord(effect: string): string {
  const key = `effect.${effect}`;
  return hasMessage(key) ? t(key) : effect;
}

function describe(e: RoomEventView): string {
  if (e.kind === 'counter') return t('event.counter', { delta: (e.delta ?? 0) > 0 ? `+${e.delta}` : `−${Math.abs(e.delta ?? 0)}` });
  if (e.kind === 'sweep') return t('event.sweep');
  // '' is a protected person without a chosen name (the station never sends their legal name to this screen).
  return e.name === null ? t('event.unknown') : e.protected && !e.name ? t('safeguard.protectedParticipant') : e.name;
}

function Recent({ events, timeZone }: { events: RoomEventView[]; timeZone: string }) {
  return (
    <section className="panel panel--grow">
      <div className="panel__head">
        <h2>{t('detail.recent')}</h2>
      </div>
      {events.length === 0 ? (
        <p className="panel__empty">{t('detail.noRecent')}</p>
      ) : (
        <ul className="recent-door" data-testid="room-recent">
          {events.map((e) => (
            <li key={e.eventId} className={`recent-door__item recent-door__item--${e.verdict ?? 'info'}`}>
              <span className="recent-door__time">{clockTime(e.at, timeZone)}</span>
              <span className="recent-door__what">
                {e.kind === 'room_exit' ? '← ' : e.kind === 'room_entry' ? '→ ' : ''}
                {describe(e)}
              </span>
              <span className="recent-door__effect">
                {e.effect ? effectWord(e.effect) : e.operator ? t('event.by', { who: e.operator }) : ''}
              </span>
              <span className="recent-door__where">{e.stationName}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

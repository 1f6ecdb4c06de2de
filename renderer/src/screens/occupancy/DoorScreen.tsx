// A room door station: the room's state in one glance from a distance (colour, icon,
// words, people inside of its safe capacity) and the answer to the last scan. Scans
// come from the USB scanner anywhere on the screen, or typed. Set up once per laptop.
import { useCallback, useState } from 'react';
import type { DoorScanResult, DoorStatus, RoomLive } from '../../../../core/api/occupancy';
import type { KeyStroke } from '../../../../core/keyboard/scanner-text';
import type { DoorMode, DoorPost } from '../../../../core/occupancy/types';
import { api, announce } from '../../api';
import { useApiQuery } from '../../api/useApiQuery';
import { Icon, type IconName } from '../../components/Icon';
import { shownName } from '../../components/Safeguard';
import { DoorHead, ErrorAnswer, IdleAnswer, ManualCode, NoPhotoAnswer, useFresh } from './door-parts';
import { getPrefs } from '../../prefs/prefs';
import { alternativesFor, LayoutNotice, noteScanResult } from '../../scanner/layout-notice';
import { useScannerBurst } from '../../scanner/useScannerBurst';
import { useStationStatus } from '../../api/StationStatus';
import { localZone } from '../../format';
import { playCue } from '../../sound/tones';
import { doorSentence } from './door-sentence';
import { STATE_ICON, stateWord } from './look';
import { FillBar } from './RoomCard';
import { UseAsDesk } from './UseAsDesk';
import { AssemblyPoint } from '../evacuation/AssemblyPoint';
import { VenueExit } from '../evacuation/VenueExit';
import { t } from '../../i18n';
import { errorText } from '../../i18n/station';
import './occupancy.css';

const TOPICS = ['occupancy', 'sync', 'status'] as const;

type Answer = { result: DoorScanResult; shownAt: number } | { error: string; shownAt: number };

export function DoorScreen() {
  const q = useApiQuery<DoorStatus>(() => api['door.status']({}), TOPICS, [], { intervalMs: 5000 });
  const [editing, setEditing] = useState(false);
  const s = q.data;
  if (!s) return <div className="door-setup">{q.error && <p role="alert">{q.error}</p>}</div>;
  if (editing || s.station.role !== 'door' || (s.station.post === 'room' && !s.room)) {
    return <DoorSetup status={s} onDone={() => (setEditing(false), q.refresh())} />;
  }
  if (s.station.post === 'assembly') return <AssemblyPoint status={s} onChange={() => setEditing(true)} />;
  if (s.station.post === 'venue_exit') return <VenueExit status={s} onChange={() => setEditing(true)} />;
  if (!s.room) return null;
  return <DoorLive status={s} room={s.room} onChange={() => setEditing(true)} onScanned={q.refresh} />;
}

function DoorSetup({ status, onDone }: { status: DoorStatus; onDone: () => void }) {
  const [roomId, setRoomId] = useState(status.station.roomId ?? status.rooms[0]?.id ?? '');
  const [mode, setMode] = useState<DoorMode>(status.station.mode ?? 'entry');
  const [post, setPost] = useState<DoorPost>(status.station.post);
  const [mediaStaff, setMediaStaff] = useState(status.station.mediaStaff);
  // Shown in every room's "last scans": a desk's default name would mislead there.
  const [name, setName] = useState(status.station.role === 'door' ? status.station.name : '');
  const [error, setError] = useState<string | null>(null);
  const roomName = status.rooms.find((r) => r.id === roomId)?.name ?? '';
  const suggested = post === 'room' ? `${roomName} – ${t(`door.mode.${mode}`)}` : t(post === 'assembly' ? 'evac.assembly.title' : 'evac.venueExit.title');
  // A front desk becomes a door only after a confirmation; a door changing its room or mode needs none.
  const [confirming, setConfirming] = useState(false);
  const save = async () => {
    if (status.station.role === 'desk' && !confirming) {
      setConfirming(true);
      return;
    }
    try {
      await api['door.configure']({ roomId: post === 'room' ? roomId : null, mode: post === 'room' ? mode : null, post, mediaStaff, name: name.trim() || suggested });
      announce('status');
      onDone();
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <form
      className="door-setup"
      data-testid="door-setup"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h1>{t('door.setupTitle')}</h1>
      <fieldset className="field">
        <legend>{t('door.postLabel')}</legend>
        {(['room', 'venue_exit', 'assembly'] as const).map((p) => (
          <label key={p} className="door-setup__mode">
            <input
              type="radio"
              name="post"
              value={p}
              checked={post === p}
              onChange={() => {
                setPost(p);
                if (name.trim() === suggested) setName(''); // the old post's name would mislead at the new one
              }}
              data-testid={`door-post-${p}`}
            />
            {t(`door.post.${p}`)}
          </label>
        ))}
      </fieldset>
      {post === 'room' && (
        <>
      <label className="field">
        <span>{t('door.room')}</span>
        <select value={roomId} onChange={(e) => setRoomId(e.target.value)} data-testid="door-room">
          {status.rooms.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name} ({r.capacity})
            </option>
          ))}
        </select>
      </label>
      <fieldset className="field">
        <legend>{t('door.modeLabel')}</legend>
        {(['entry', 'exit', 'toggle'] as const).map((m) => (
          <label key={m} className="door-setup__mode">
            <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} data-testid={`door-mode-${m}`} />
            {t(`door.mode.${m}`)}
          </label>
        ))}
      </fieldset>
        </>
      )}
      <label className="door-setup__mode">
        <input type="checkbox" checked={mediaStaff} onChange={(e) => setMediaStaff(e.target.checked)} data-testid="door-media-staff" />
        {t('door.mediaStaff')}
      </label>
      <label className="field">
        <span>{t('door.name')}</span>
        <input value={name} maxLength={80} placeholder={suggested} onChange={(e) => setName(e.target.value)} data-testid="door-name" />
      </label>
      {error && <p role="alert">{error}</p>}
      {confirming ? (
        <div className="role-confirm" role="alertdialog" aria-labelledby="use-as-door-text" data-testid="use-as-door-confirm">
          <p id="use-as-door-text">{t('door.toDoorConfirm', { name: name.trim() || suggested, room: post === 'room' ? roomName : suggested })}</p>
          <div className="role-confirm__buttons">
            <button type="submit" className="button button--primary" data-testid="use-as-door-yes" autoFocus>
              {t('door.toDoorYes')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)} data-testid="use-as-door-no">
              {t('door.keepDesk')}
            </button>
          </div>
        </div>
      ) : (
        <div className="role-confirm__buttons">
          <button type="submit" className="button button--primary" data-testid="door-save">
            {t('door.save')}
          </button>
          {status.station.role === 'door' && <UseAsDesk onDone={onDone} />}
        </div>
      )}
    </form>
  );
}

const VERDICT_LOOK: Record<DoorScanResult['verdict'], IconName> = { admitted: 'check', warning: 'warning', refused: 'cross' };

function DoorLive({ status, room, onChange, onScanned }: { status: DoorStatus; room: RoomLive; onChange: () => void; onScanned: () => void }) {
  const timeZone = useStationStatus().data?.event.timeZone ?? localZone;
  const [answer, setAnswer] = useState<Answer | null>(null);
  // The room as of the last scan's answer, unless a newer push arrived since.
  const live = answer && 'result' in answer && answer.result.room && answer.shownAt > Date.now() - 1000 ? answer.result.room : room;

  const scan = useCallback(
    async (text: string, strokes?: KeyStroke[]) => {
      try {
        const alternatives = alternativesFor(text, strokes);
        const result = await api['door.scan'](alternatives.length > 0 ? { text, alternatives } : { text });
        noteScanResult(result);
        setAnswer({ result, shownAt: Date.now() });
        // Same tones as the front desk: the person at the door hears the answer.
        if (!getPrefs().muted) playCue(result.verdict);
        announce('occupancy');
      } catch (err) {
        setAnswer({ error: errorText(err), shownAt: Date.now() });
      }
      onScanned();
    },
    [onScanned],
  );
  useScannerBurst((text, strokes) => void scan(text, strokes));

  const fresh = useFresh(answer);

  const fullRefuse = live.state === 'full' && live.fullPolicy === 'refuse' && status.station.mode !== 'exit';
  return (
    <div className={`door door--${live.state}`} data-testid="door" data-state={live.state}>
      <DoorHead title={live.name} station={status.station.name} onChange={onChange}>
        <span className="door__mode">{t(`door.mode.${status.station.mode ?? 'entry'}`)}</span>
      </DoorHead>
      <LayoutNotice />
      <div className="door__body">
        <section className="door__room-state" aria-live="polite">
          <div className="door__state" data-testid="door-state">
            <Icon name={STATE_ICON[live.state]} className="door__state-icon" />
            {live.state === 'full' ? (fullRefuse ? t('door.roomFull') : t('door.roomFullWarn')) : stateWord(live.state)}
          </div>
          <div className="door__count">
            <span className="door__current" data-testid="door-current">
              {live.current}
            </span>
            <span className="door__cap">/ {live.capacity}</span>
          </div>
          <div className="door__count-label">
            {t('door.inside')} · {t('door.capacity', { capacity: live.capacity })}
          </div>
          <FillBar room={live} big />
          {live.session && <p className="door__session">{live.session.title}</p>}
        </section>
        <section className="door__answer-col">
          <AnswerPanel answer={answer} fresh={fresh} timeZone={timeZone} mediaStaff={status.station.mediaStaff} />
          <ManualCode onScan={(text) => void scan(text)} id="door-code" testId="door-input" />
          <p className="door__hint">{t('door.scanHint')}</p>
        </section>
      </div>
    </div>
  );
}

function AnswerPanel({ answer, fresh, timeZone, mediaStaff }: { answer: Answer | null; fresh: boolean; timeZone: string; mediaStaff: boolean }) {
  if (!answer) return <IdleAnswer word={t('door.ready')} testId="door-verdict" />;
  if ('error' in answer) return <ErrorAnswer text={answer.error} testId="door-verdict" />;
  const r = answer.result;
  const word = r.verdict === 'refused' ? t('door.refused') : r.direction === 'exit' ? t('door.goodbye') : r.verdict === 'warning' ? t('door.warning') : t('door.welcome');
  return (
    <div
      className={`door-answer door-answer--${r.verdict}${fresh ? '' : ' door-answer--stale'}`}
      data-testid="door-verdict"
      data-verdict={r.verdict}
      data-reason={r.reason}
      role={r.verdict === 'refused' ? 'alert' : 'status'}
    >
      <div className="door-answer__band">
        <Icon name={VERDICT_LOOK[r.verdict]} className="door-answer__icon" />
        <span className="door-answer__word">{word}</span>
      </div>
      {r.attendee && (
        <p className="door-answer__name" dir="auto" data-testid="door-name">
          {shownName(r.attendee)}
        </p>
      )}
      {/* Media staff at the door see it at once: this person asked not to be photographed. */}
      <NoPhotoAnswer person={r.attendee} mediaStaff={mediaStaff} />
      <p className="door-answer__msg">{doorSentence(r, timeZone)}</p>
    </div>
  );
}

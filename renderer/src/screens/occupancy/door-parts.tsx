// Pieces every door-station screen shares (room doors, the venue exit, the assembly point): the
// heading with its way back to the set-up or the desk, the field a code is typed into, how long an answer stays fresh, the answer panel's resting and error states, and the person's
// "no photography" mark, across the screen for media staff (docs/safeguarding.md).
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { AttendeeSummary } from '../../../../core/model';
import { Icon } from '../../components/Icon';
import { NoPhotoBanner, NoPhotoMark } from '../../components/Safeguard';
import { t } from '../../i18n';
import { UseAsDesk } from './UseAsDesk';

/** A code typed by hand (a smudged badge): Enter or the button scans it, and the field is ready again. */
export function ManualCode({ onScan, id, testId }: { onScan: (text: string) => void; id: string; testId: string }) {
  const [typed, setTyped] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <form
      className="door__manual"
      onSubmit={(e) => {
        e.preventDefault();
        if (typed.trim()) onScan(typed);
        setTyped('');
        inputRef.current?.focus();
      }}
    >
      <label className="visually-hidden" htmlFor={id}>
        {t('door.manual')}
      </label>
      <input id={id} ref={inputRef} value={typed} onChange={(e) => setTyped(e.target.value)} placeholder={t('door.manual')} autoComplete="off" data-testid={testId} />
      <button type="submit" className="button">
        {t('door.check')}
      </button>
    </form>
  );
}

/** The answer panel before the first scan. */
export function IdleAnswer({ word, testId, className = '' }: { word: string; testId: string; className?: string }) {
  return (
    <div className={`door-answer door-answer--idle ${className}`} data-testid={testId}>
      <Icon name="scan" className="door-answer__icon" />
      <span className="door-answer__word">{word}</span>
    </div>
  );
}

/** The answer panel when the station could not answer (nothing was recorded). */
export function ErrorAnswer({ text, testId, className = '' }: { text: string; testId: string; className?: string }) {
  return (
    <div className={`door-answer door-answer--refused ${className}`} data-testid={testId} data-verdict="error" data-outcome="error" role="alert">
      <Icon name="alert" className="door-answer__icon" />
      <p className="door-answer__msg">{text}</p>
    </div>
  );
}

/** "No photography" under the name; the whole width in large letters where media staff work the door. */
export function NoPhotoAnswer({ person, mediaStaff }: { person: Partial<Pick<AttendeeSummary, 'noPhoto'>> | null | undefined; mediaStaff: boolean }) {
  if (!person?.noPhoto) return null;
  return mediaStaff ? (
    <NoPhotoBanner />
  ) : (
    <p className="door-answer__marks">
      <NoPhotoMark person={person} />
    </p>
  );
}

/** The heading of a door station's screen: where it stands, what it is called, and the ways out. */
export function DoorHead({ title, station, onChange, children }: { title: string; station: string; onChange: () => void; children?: ReactNode }) {
  return (
    <header className="door__head">
      <h1 className="door__room">{title}</h1>
      {children}
      <span className="door__station">{station}</span>
      <button type="button" className="button button--small" onClick={onChange} data-testid="door-change">
        {t('door.change')}
      </button>
      <UseAsDesk />
    </header>
  );
}

/** After this long the answer to the last scan steps back, so the next person is not misled. */
const ANSWER_MS = 8000;

/** True for ANSWER_MS after each new answer. */
export function useFresh(answer: unknown): boolean {
  const [fresh, setFresh] = useState(false);
  useEffect(() => {
    if (!answer) return;
    setFresh(true);
    const timer = setTimeout(() => setFresh(false), ANSWER_MS);
    return () => clearTimeout(timer);
  }, [answer]);
  return fresh;
}

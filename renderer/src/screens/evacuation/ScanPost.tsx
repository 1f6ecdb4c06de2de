// The frame the two evacuation-side door posts share (docs/evacuation.md): the venue exit and the
// assembly point. Their name and station, a way back to the door set-up or the front desk, and
// badge scans from the USB scanner (anywhere on the screen), a typed code or the camera, each
// handed to `onScan` with the scanner's other keyboard-layout readings.
import { useRef, useState, type ReactNode } from 'react';
import type { DoorStatus } from '../../../../core/api/occupancy';
import type { KeyStroke } from '../../../../core/keyboard/scanner-text';
import { CameraScanner } from '../../camera/CameraScanner';
import { t } from '../../i18n';
import { alternativesFor, LayoutNotice } from '../../scanner/layout-notice';
import { useScannerBurst } from '../../scanner/useScannerBurst';
import { UseAsDesk } from '../occupancy/UseAsDesk';
import '../occupancy/occupancy.css';
import './evacuation.css';

export type PostScan = (text: string, alternatives: string[]) => void;

export function ScanPost(props: { status: DoorStatus; title: string; onChange: () => void; onScan: PostScan; hint: string; main: ReactNode; side: ReactNode; testId: string }) {
  const { status, title, onChange, onScan, hint } = props;
  const [typed, setTyped] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  useScannerBurst((text: string, strokes: KeyStroke[]) => onScan(text, alternativesFor(text, strokes)));
  return (
    <div className="door post" data-testid={props.testId}>
      <header className="door__head">
        <h1 className="door__room">{title}</h1>
        <span className="door__station">{status.station.name}</span>
        <button type="button" className="button button--small" onClick={onChange} data-testid="door-change">
          {t('door.change')}
        </button>
        <UseAsDesk />
      </header>
      <LayoutNotice />
      <div className="door__body">
        <section className="door__answer-col">
          {props.main}
          <form
            className="door__manual"
            onSubmit={(e) => {
              e.preventDefault();
              if (typed.trim()) onScan(typed, []);
              setTyped('');
              inputRef.current?.focus();
            }}
          >
            <label className="visually-hidden" htmlFor="post-code">
              {t('door.manual')}
            </label>
            <input id="post-code" ref={inputRef} value={typed} onChange={(e) => setTyped(e.target.value)} placeholder={t('door.manual')} autoComplete="off" data-testid="post-input" />
            <button type="submit" className="button">
              {t('door.check')}
            </button>
          </form>
          <p className="door__hint">{hint}</p>
        </section>
        <section className="post__side">
          <CameraScanner onScan={(text) => onScan(text, [])} />
          {props.side}
        </section>
      </div>
    </div>
  );
}

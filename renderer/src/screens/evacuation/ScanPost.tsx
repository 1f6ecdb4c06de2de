// The frame the two evacuation-side door posts share (docs/evacuation.md): the venue exit and the
// assembly point. Their name and station, a way back to the door set-up or the front desk, and
// badge scans from the USB scanner (anywhere on the screen), a typed code or the camera, each
// handed to `onScan` with the scanner's other keyboard-layout readings.
import type { ReactNode } from 'react';
import type { DoorStatus } from '../../../../core/api/occupancy';
import type { KeyStroke } from '../../../../core/keyboard/scanner-text';
import { CameraScanner } from '../../camera/CameraScanner';
import { alternativesFor, LayoutNotice } from '../../scanner/layout-notice';
import { useScannerBurst } from '../../scanner/useScannerBurst';
import { DoorHead, ManualCode } from '../occupancy/door-parts';
import '../occupancy/occupancy.css';
import './evacuation.css';

export type PostScan = (text: string, alternatives: string[]) => void;

export function ScanPost(props: { status: DoorStatus; title: string; onChange: () => void; onScan: PostScan; hint: string; main: ReactNode; side: ReactNode; testId: string }) {
  const { status, title, onChange, onScan, hint } = props;
  useScannerBurst((text: string, strokes: KeyStroke[]) => onScan(text, alternativesFor(text, strokes)));
  return (
    <div className="door post" data-testid={props.testId}>
      <DoorHead title={title} station={status.station.name} onChange={onChange} />
      <LayoutNotice />
      <div className="door__body">
        <section className="door__answer-col">
          {props.main}
          <ManualCode onScan={(text) => onScan(text, [])} id="post-code" testId="post-input" />
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

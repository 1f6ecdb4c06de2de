// Front-desk check-in: scan (or type) a badge, or find a person by name; see the
// verdict large; undo a mistake; glance at the last scans.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useStationStatus } from '../../api/StationStatus';
import { CameraScanner } from '../../camera/CameraScanner';
import { useModalOpen } from '../../components/useModalOpen';
import { localZone } from '../../format';
import { t } from '../../i18n';
import { LayoutNotice } from '../../scanner/layout-notice';
import { HandoutsStrip } from '../handouts/HandoutsStrip';
import { UseAsDesk } from '../occupancy/UseAsDesk';
import { useScannerBurst } from '../../scanner/useScannerBurst';
import { useVerdictSound } from '../../sound/useVerdictSound';
import { BadgeActions } from './BadgeActions';
import { useDeskTools } from './DeskTools';
import { NameSearch } from './NameSearch';
import { RecentScans } from './RecentScans';
import { ScanInput } from './ScanInput';
import { useCheckin } from './useCheckin';
import { UndoButton } from './UndoButton';
import { useUndoShortcut } from './useUndoShortcut';
import { VerdictPanel } from './VerdictPanel';
import './checkin.css';

export function CheckinScreen() {
  const status = useStationStatus();
  const timeZone = status.data?.event.timeZone ?? localZone;
  const { panel, scan, admit, show, undo, undoing } = useCheckin(timeZone);
  const scanRef = useRef<HTMLInputElement>(null);
  const [searching, setSearching] = useState(false);

  const focusScan = useCallback(() => scanRef.current?.focus(), []);

  const desk = useDeskTools({ panel, show, admit: (id) => void admit(id), onDone: focusScan });
  // While a form dialog is open, quick typing followed by Tab is data entry, not a scan.
  useScannerBurst(scan, { enabled: !desk.dialogOpen });
  // No camera check-ins behind a dialog: its own state flips at once, the page-wide check catches any other modal.
  const modalOpen = useModalOpen();
  const cameraPaused = desk.dialogOpen || modalOpen;
  useUndoShortcut(() => void undo());
  useVerdictSound(panel.state === 'verdict' ? panel.result : null);

  // Esc from anywhere on the screen goes back to the scan field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) focusScan();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [focusScan]);

  return (
    <div className="checkin">
      <div className="checkin__main">
        <ScanInput onScan={scan} inputRef={scanRef} busy={panel.state === 'pending'} />
        <LayoutNotice />
        {status.data?.station.role === 'door' && (
          <div className="role-notice" role="status" data-testid="door-station-notice">
            <p>{t('door.isDoor', { name: status.data.station.name })}</p>
            <UseAsDesk />
          </div>
        )}
        <VerdictPanel panel={panel} timeZone={timeZone} />
        {panel.state === 'verdict' && panel.result.verdict !== 'refused' && panel.result.attendee?.synced && (
          <HandoutsStrip attendeeId={panel.result.attendee.id} timeZone={timeZone} />
        )}
        <div className="checkin__actions">
          {panel.state === 'verdict' && panel.result.attendee && <BadgeActions attendee={panel.result.attendee} />}
          {desk.noteButton}
          {desk.noPhotoButton}
          <UndoButton
            undoing={undoing}
            onUndo={() => {
              void undo();
              focusScan(); // back to the always-ready scan field
            }}
          />
        </div>
      </div>
      <div className="checkin__side">
        <CameraScanner onScan={scan} paused={cameraPaused} />
        {desk.walkinButton}
        <NameSearch
          timeZone={timeZone}
          onQueryChange={setSearching}
          onCheckIn={(id) => {
            void admit(id);
            focusScan();
          }}
        />
        {!searching && (
          <RecentScans
            timeZone={timeZone}
            onUndo={(eventId) => {
              void undo(eventId);
              focusScan();
            }}
          />
        )}
      </div>
      {desk.dialogs}
    </div>
  );
}

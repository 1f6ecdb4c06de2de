// The logistics dashboard: every room at a glance (#/rooms), a room in detail
// (#/rooms/<id>), the day report, the wall display, and the alert tone per crossing.
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { useStationStatus } from '../../api/StationStatus';
import { Icon } from '../../components/Icon';
import { localZone, weekdayDate } from '../../format';
import { setAlertsMuted, useAlertsMuted, useThresholdAlerts } from './alerts';
import { offerDownload } from './download';
import { RoomCard } from './RoomCard';
import { RoomDetail } from './RoomDetail';
import { useRooms } from './useRooms';
import { currentLanguage, t } from '../../i18n';
import { errorText } from '../../i18n/station';
import './occupancy.css';

function roomFromHash(): string | null {
  const m = /^#\/rooms\/([^/?#]+)/.exec(location.hash);
  return m ? decodeURIComponent(m[1]!) : null;
}

export function useHashRoom(): string | null {
  const [room, setRoom] = useState(roomFromHash);
  useEffect(() => {
    const on = () => setRoom(roomFromHash());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return room;
}

export function AlertToggle() {
  const muted = useAlertsMuted();
  return (
    <button type="button" className="button" aria-pressed={!muted} onClick={() => setAlertsMuted(!muted)} data-testid="alerts-toggle">
      <Icon name={muted ? 'cross' : 'alert'} />
      {muted ? t('alerts.off') : t('alerts.on')}
    </button>
  );
}

export function RoomsScreen() {
  const roomId = useHashRoom();
  const rooms = useRooms();
  const status = useStationStatus();
  const timeZone = status.data?.event.timeZone ?? localZone;
  const [note, setNote] = useState<string | null>(null);
  useThresholdAlerts(rooms.data?.rooms);

  const report = async () => {
    try {
      const f = await api['occupancy.export']({ kind: 'day_report_pdf', lang: currentLanguage() });
      offerDownload(f);
      setNote(t('detail.saved', { file: f.fileName, path: f.path }));
    } catch (err) {
      setNote(errorText(err));
    }
  };

  if (roomId) return <RoomDetail roomId={roomId} timeZone={timeZone} />;

  return (
    <div className="rooms">
      <div className="rooms__bar">
        <h1 className="rooms__title">
          {t('rooms.title')} <span className="rooms__day">{rooms.data ? t('rooms.day', { day: weekdayDate(rooms.data.day) }) : ''}</span>
        </h1>
        <div className="rooms__actions">
          <AlertToggle />
          <button type="button" className="button" onClick={() => void report()} data-testid="day-report">
            {t('rooms.report')}
          </button>
          <a className="button" href="#/wall" data-testid="open-wall">
            {t('rooms.wall')}
          </a>
          <a className="button button--warn" href="#/evacuation" data-testid="open-evacuation">
            {t('nav.evacuation')}
          </a>
        </div>
      </div>
      {note && (
        <p className="rooms__note" role="status">
          {note}
        </p>
      )}
      {rooms.error && (
        <p className="rooms__error" role="alert">
          {rooms.error}
        </p>
      )}
      <div className="rooms__grid" data-testid="rooms-grid">
        {rooms.data?.rooms.map((r) => <RoomCard key={r.id} room={r} timeZone={timeZone} />)}
        {rooms.data && rooms.data.rooms.length === 0 && <p>{t('rooms.empty')}</p>}
      </div>
    </div>
  );
}

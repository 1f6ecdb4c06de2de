// The wall display for the control room: every room in large type on a dark ground,
// covering the whole window (and the screen, once "Full screen" is pressed). Esc leaves.
import { useEffect, useState } from 'react';
import { useStationStatus } from '../../api/StationStatus';
import { Icon } from '../../components/Icon';
import { clockTime, localZone } from '../../format';
import { useThresholdAlerts } from './alerts';
import { STATE_ICON, stateWord, trendArrow } from './look';
import { FillBar, NextSession, trendText } from './RoomCard';
import { AlertToggle } from './RoomsScreen';
import { useRooms } from './useRooms';
import { t } from '../../i18n';
import './occupancy.css';

export function WallScreen() {
  const rooms = useRooms();
  const status = useStationStatus();
  const timeZone = status.data?.event.timeZone ?? localZone;
  const [now, setNow] = useState(Date.now());
  useThresholdAlerts(rooms.data?.rooms);
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !document.fullscreenElement) location.hash = '#/rooms';
    };
    window.addEventListener('keydown', onKey);
    return () => {
      clearInterval(tick);
      window.removeEventListener('keydown', onKey);
    };
  }, []);
  const list = rooms.data?.rooms ?? [];
  return (
    <div className="wall" data-testid="wall">
      <header className="wall__bar">
        <h1 className="wall__title">{status.data?.event.name ?? t('wall.title')}</h1>
        <span className="wall__clock">{clockTime(now, timeZone)}</span>
        <AlertToggle />
        <button type="button" className="button" onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}>
          {t('wall.fullScreen')}
        </button>
        <a className="button" href="#/rooms">
          {t('wall.exit')}
        </a>
      </header>
      <div className={`wall__grid wall__grid--${Math.min(list.length, 9)}`}>
        {list.map((r) => (
          <div key={r.id} className={`wall-tile wall-tile--${r.state}`} data-testid="wall-tile" data-room={r.id} data-state={r.state}>
            <div className="wall-tile__name">{r.name}</div>
            <div className="wall-tile__count">
              <span className="wall-tile__current">{r.current}</span>
              <span className="wall-tile__cap">/ {r.capacity}</span>
            </div>
            <FillBar room={r} big />
            <div className="wall-tile__state">
              <Icon name={STATE_ICON[r.state]} />
              <span className="wall-tile__state-word">
                {stateWord(r.state)} · {r.pct}%
              </span>
              <span className="wall-tile__trend">
                {trendArrow(r.trend)} {trendText(r.trend)}
              </span>
            </div>
            <div className="wall-tile__session">
              {r.session ? r.session.title : r.nextSession ? <NextSession title={r.nextSession.title} startsAt={r.nextSession.startsAt} timeZone={timeZone} /> : t('rooms.noSession')}
            </div>
          </div>
        ))}
      </div>
      {rooms.error && (
        <p className="wall__error" role="alert">
          {rooms.error}
        </p>
      )}
    </div>
  );
}

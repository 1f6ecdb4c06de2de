// One line at the bottom: which event and day, which station, how many are in,
// whether sync is keeping up, and whether this laptop's clock is off.
import { useEffect, useState } from 'react';
import type { StationStatus } from '../../../core/api/checkin';
import { DRIFT_WARNING_MS } from '../../../core/hlc';
import { useStationStatus } from '../api/StationStatus';
import { clockTime, weekdayDate } from '../format';
import { formatCount, t } from '../i18n';
import { stationText } from '../i18n/station';
import { Icon } from './Icon';

function useMinuteTick(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 10_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function syncText(s: StationStatus): { text: string; tone: 'ok' | 'warn' | 'bad' | 'plain' } {
  const tz = s.event.timeZone;
  switch (s.sync.state) {
    case 'standalone':
      return { text: t('status.syncStandalone'), tone: 'plain' };
    case 'online':
      return { text: s.sync.lastSyncAt ? t('status.syncOnlineAt', { time: clockTime(s.sync.lastSyncAt, tz) }) : t('status.syncOnline'), tone: 'ok' };
    case 'offline':
      // Registry out of reach, but in step with the others through a LAN hub (docs/lan-hub.md).
      if (s.sync.via) return { text: t('status.syncViaHub', { name: s.sync.via }), tone: 'ok' };
      return { text: t('status.syncOffline'), tone: 'warn' };
    case 'error':
      return { text: t('status.syncError', { message: stationText(s.sync) }), tone: 'bad' };
  }
}

/**
 * What went wrong, said as it is: the station service gone (restarting, crashed), this page's
 * access key refused, or the station's own sentence — "not responding" only when it is not.
 */
function problemText(error: string, errorCode: string | null): string {
  if (errorCode === 'unauthorised') return t('status.keyInvalid');
  if (errorCode === 'offline') return t('status.unreachable');
  return error;
}

export function StatusBar() {
  const { data: s, error, errorCode } = useStationStatus();
  const now = useMinuteTick();
  if (!s) {
    return (
      <footer className="statusbar" data-testid="status-bar">
        <span className={error ? 'statusbar__item statusbar__item--bad' : 'statusbar__item'}>{error ? problemText(error, errorCode) : t('app.loading')}</span>
      </footer>
    );
  }
  const dayIndex = s.event.days.indexOf(s.today);
  const sync = syncText(s);
  const driftMin = Math.round(Math.abs(s.clockDriftMs) / 60_000);
  return (
    <footer className="statusbar" data-testid="status-bar">
      {error && (
        <span className="statusbar__item statusbar__item--bad" role="alert">
          <Icon name="alert" />
          {problemText(error, errorCode)}
        </span>
      )}
      {s.retention && (
        <span className="statusbar__item statusbar__item--warn" role="status" data-testid="status-retention">
          <Icon name="warning" />
          {stationText({ message: null, notice: { key: 'retentionDone', params: { date: s.retention.date } } })}
        </span>
      )}
      <span className="statusbar__item statusbar__event" title={`${s.event.name} — ${s.event.venue}`}>
        {s.event.name}
      </span>
      <span className={`statusbar__item${s.isEventDay ? '' : ' statusbar__item--warn'}`} data-testid="status-day">
        {weekdayDate(s.today)} · {s.isEventDay ? t('status.today', { n: dayIndex + 1, total: s.event.days.length }) : t('status.notEventDay')}
      </span>
      <span className="statusbar__item">
        <Icon name="clock" />
        {clockTime(now, s.event.timeZone)}
      </span>
      <span className="statusbar__item" data-testid="status-station">
        {t('status.station')}: <strong>{s.station.name}</strong>
      </span>
      <span className="statusbar__item" data-testid="status-count">
        {t('status.checkedIn', { count: formatCount(s.checkedInToday), total: formatCount(s.attendees) })}
      </span>
      <span className={`statusbar__item statusbar__item--${sync.tone}`} data-testid="status-sync">
        <Icon name="sync" />
        {sync.text}
        {/* Unpaired, there is nothing to upload to: no count of "not yet uploaded". */}
        {s.sync.state !== 'standalone' && s.outbox > 0 && ` · ${t('status.outbox', { count: formatCount(s.outbox) })}`}
      </span>
      {/* clockDriftMs = other stations − this clock: positive means this laptop is behind. */}
      {s.sync.state !== 'standalone' && Math.abs(s.clockDriftMs) >= DRIFT_WARNING_MS && (
        <span className="statusbar__item statusbar__item--bad" role="alert" data-testid="status-drift">
          <Icon name="warning" />
          {t(s.clockDriftMs > 0 ? 'status.clockBehind' : 'status.clockAhead', { minutes: driftMin })}
        </span>
      )}
    </footer>
  );
}

// Open protocol (VIP) alerts under the top bar of every staff screen (core/checkin/protocol-alert.ts):
// "Protocol: H.E. X arrived at North entrance (09:14) — escort to the Neuer Saal". A desk sees the
// note and the host to notify; a door station only arrivals heading to its room (it holds no note).
// They stay until the host acknowledges them in the organiser console and that reaches this station.
import type { ProtocolAlertView } from '../../../core/api/protocol';
import { api } from '../api';
import { useStationStatus } from '../api/StationStatus';
import { useApiQuery } from '../api/useApiQuery';
import { clockTime, localZone } from '../format';
import { t } from '../i18n';
import './protocol-alerts.css';

const SHOWN = 3;

export function ProtocolAlerts() {
  const status = useStationStatus();
  const timeZone = status.data?.event.timeZone ?? localZone;
  const q = useApiQuery(() => api['protocol.open']({}), ['scan', 'sync', 'attendees', 'status']);
  const list = q.data ?? [];
  if (list.length === 0) return null;
  return (
    <section className="protocol-alerts" role="status" aria-label={t('protocol.title')} data-testid="protocol-alerts">
      <ul>
        {list.slice(0, SHOWN).map((a) => (
          <li key={a.eventId} className="protocol-alert" data-testid="protocol-alert">
            <span className="protocol-alert__what">{sentence(a, timeZone)}</span>
            {(a.note || (a.room && !a.forThisRoom)) && (
              <span className="protocol-alert__note" dir="auto">
                {' — '}
                {[a.note, a.room && !a.forThisRoom ? t('protocol.escort', { room: a.room }) : ''].filter(Boolean).join(' · ')}
              </span>
            )}
            {a.host && <span className="protocol-alert__host">{t('protocol.notify', { host: a.host })}</span>}
          </li>
        ))}
      </ul>
      {list.length > SHOWN && <p className="protocol-alerts__more">{t('protocol.more', { count: list.length - SHOWN })}</p>}
    </section>
  );
}

function sentence(a: ProtocolAlertView, timeZone: string): string {
  const p = { name: a.name || t('safeguard.protectedParticipant'), station: a.stationName, time: clockTime(a.at, timeZone) };
  return a.forThisRoom ? t('protocol.toRoom', p) : t('protocol.arrived', p);
}

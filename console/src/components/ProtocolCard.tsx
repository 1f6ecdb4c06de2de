// Open protocol (VIP) arrivals in the live view (core/checkin/protocol-alert.ts): who arrived, where
// and when, the note and the host to notify; the host (an organiser account) acknowledges each, and
// the acknowledgement travels to every station, which then clears it.
import type { LiveProtocolAlert } from '../../../core/console/live';
import { api } from '../api/client';
import { t } from '../i18n';
import { time } from '../format';
import { useAction } from './useAction';
import { Notice } from './Notice';

export function ProtocolCard({ alerts, timeZone, canAck }: { alerts: LiveProtocolAlert[]; timeZone: string; canAck: boolean }) {
  const ack = useAction();
  return (
    <section aria-labelledby="protocol-h" className="card">
      <h2 id="protocol-h">{t('live.protocolTitle')}</h2>
      <div aria-live="polite" data-testid="live-protocol">
        {alerts.length === 0 ? (
          <p className="muted">{t('live.protocolNone')}</p>
        ) : (
          <ul className="alerts">
            {alerts.map((a) => (
              <li key={a.eventId} className="alert alert--warn" data-testid="live-protocol-alert">
                <strong>{t('live.protocolArrived', { name: a.name || t('common.protectedParticipant'), station: a.stationName, time: time(a.at, timeZone) })}</strong>
                {[a.note, a.room && t('live.protocolRoom', { room: a.room })].filter(Boolean).map((x) => ` — ${x}`)}
                {a.host && <span className="muted"> · {t('live.protocolNotify', { host: a.host })}</span>}{' '}
                {canAck && (
                  <button
                    type="button"
                    className="button button--small"
                    data-testid="live-protocol-ack"
                    disabled={ack.busy}
                    onClick={() => void ack.run(() => api.patch(`/v1/admin/attendees/${encodeURIComponent(a.attendeeId)}`, { protocolAck: { eventId: a.eventId, at: a.at } }))}
                  >
                    {t('live.protocolAck')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {ack.notice && <Notice kind={ack.notice.kind}>{ack.notice.text}</Notice>}
      </div>
    </section>
  );
}

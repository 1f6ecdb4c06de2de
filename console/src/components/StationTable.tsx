// Stations as the registry last heard from them: online or how long silent, what each has not
// uploaded yet, how far its clock is off, what it scanned today. The live view and the Stations
// page show the same table; the Stations page adds its actions in the last column.
import type { ReactNode } from 'react';
import type { LiveStation } from '../../../core/console/live';
import { DRIFT_WARNING_MS } from '../../../core/hlc';
import { ago, count, duration } from '../format';
import { t } from '../i18n';
import { TableWrap } from './TableWrap';

export function clockText(ms: number | null): string {
  if (ms === null) return t('stations.notReported');
  if (Math.abs(ms) < 30_000) return t('stations.inStep');
  return ms > 0 ? t('stations.ahead', { amount: duration(ms) }) : t('stations.behind', { amount: duration(ms) });
}

export function StationTable({ stations, now, rooms, actions }: { stations: LiveStation[]; now: number; rooms: Map<string, string>; actions?: (s: LiveStation) => ReactNode }) {
  if (stations.length === 0) return <p className="muted">{t('stations.none')}</p>;
  return (
    <TableWrap label={t('stations.listTitle')}>
      <table className="table" data-testid="station-table">
        <thead>
          <tr>
            <th scope="col">{t('stations.name')}</th>
            <th scope="col">{t('stations.role')}</th>
            <th scope="col">{t('stations.state')}</th>
            <th scope="col">{t('stations.lastSeen')}</th>
            <th scope="col" className="num">
              {t('stations.outbox')}
            </th>
            <th scope="col">{t('stations.clock')}</th>
            <th scope="col" className="num">
              {t('stations.scansToday')}
            </th>
            {actions && <th scope="col">{t('stations.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {stations.map((s) => (
            <tr key={s.id} data-testid={`station-${s.id}`}>
              <th scope="row">{s.name}</th>
              <td>{s.role === 'door' ? t('stations.door', { room: (s.roomId && rooms.get(s.roomId)) || s.roomId || '—', mode: t(`stations.mode.${s.doorMode ?? 'entry'}`) }) : t('stations.desk')}</td>
              <td>
                <span className={`pill pill--${s.state}`} data-testid="station-state" data-state={s.state}>
                  {t(`stations.states.${s.state}`)}
                </span>
              </td>
              <td>{s.lastSeenAt ? ago(s.lastSeenAt, now) : t('stations.never')}</td>
              <td className="num" data-testid="station-outbox">
                {s.outbox === null ? t('stations.notReported') : count(s.outbox)}
              </td>
              <td className={s.clockAheadMs !== null && Math.abs(s.clockAheadMs) > DRIFT_WARNING_MS ? 'warn-text' : undefined} data-testid="station-clock">
                {clockText(s.clockAheadMs)}
              </td>
              <td className="num">{count(s.scansToday)}</td>
              {actions && <td className="actions">{actions(s)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

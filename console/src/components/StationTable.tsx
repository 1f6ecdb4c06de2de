// Stations as the registry last heard from them: online or how long silent, what each has not
// uploaded yet, how far its clock is off, what it scanned today. The live view and the Stations
// page show the same table; the Stations page adds its actions in the last column.
import type { ReactNode } from 'react';
import type { LiveStation } from '../../../core/console/live';
import { DRIFT_WARNING_MS } from '../../../core/hlc';
import { ago, count, duration } from '../format';
import { t } from '../i18n';
import { DataTable } from './DataTable';

export function clockText(ms: number | null): string {
  if (ms === null) return t('stations.notReported');
  if (Math.abs(ms) < 30_000) return t('stations.inStep');
  return ms > 0 ? t('stations.ahead', { amount: duration(ms) }) : t('stations.behind', { amount: duration(ms) });
}

export function StationTable({ stations, now, rooms, actions }: { stations: LiveStation[]; now: number; rooms: Map<string, string>; actions?: (s: LiveStation) => ReactNode }) {
  return (
    <DataTable
      caption={t('stations.listTitle')}
      testId="station-table"
      rows={stations}
      rowKey={(s) => s.id}
      rowTestId={(s) => `station-${s.id}`}
      empty={t('stations.none')}
      columns={[
        { header: t('stations.name'), cell: (s) => s.name },
        {
          header: t('stations.role'),
          cell: (s) => (s.role === 'door' ? t('stations.door', { room: (s.roomId && rooms.get(s.roomId)) || s.roomId || '—', mode: t(`stations.mode.${s.doorMode ?? 'entry'}`) }) : t('stations.desk')),
        },
        {
          header: t('stations.state'),
          cell: (s) => (
            <span className={`pill pill--${s.state}`} data-testid="station-state" data-state={s.state}>
              {t(`stations.states.${s.state}`)}
            </span>
          ),
        },
        { header: t('stations.lastSeen'), cell: (s) => (s.lastSeenAt ? ago(s.lastSeenAt, now) : t('stations.never')) },
        { header: t('stations.outbox'), num: true, testId: 'station-outbox', cell: (s) => (s.outbox === null ? t('stations.notReported') : count(s.outbox)) },
        {
          header: t('stations.clock'),
          testId: 'station-clock',
          className: (s) => (s.clockAheadMs !== null && Math.abs(s.clockAheadMs) > DRIFT_WARNING_MS ? 'warn-text' : undefined),
          cell: (s) => clockText(s.clockAheadMs),
        },
        { header: t('stations.scansToday'), num: true, cell: (s) => count(s.scansToday) },
        actions && { header: t('stations.actions'), className: 'actions', cell: actions },
      ]}
    />
  );
}

// The live view while an evacuation or drill runs (docs/evacuation.md): how many are not yet
// accounted for, safe and inside, room by room; who is missing by name for those who may see names
// (the registry leaves the names out for a viewer, and names a protected person only by the chosen
// name); and how fresh each station's part is, since a mark made at a station that has not reached
// the registry since is not counted yet.
import type { LiveEvacuation, LiveStation } from '../../../core/console/live';
import { ago, count, time } from '../format';
import { t } from '../i18n';
import { DataTable } from './DataTable';
import { Tile } from './Tile';

export function EvacuationCard({ evacuation: e, stations, now, timeZone }: { evacuation: LiveEvacuation; stations: LiveStation[]; now: number; timeZone: string }) {
  const rooms = new Map(e.rooms.map((r) => [r.roomId, r]));
  const where = (roomId: string) => (roomId ? (rooms.get(roomId)?.name ?? roomId) : t('evac.building'));
  const started = e.stationName ? t('evac.started', { time: time(e.startedAt, timeZone), station: e.stationName }) : t('evac.startedNoStation', { time: time(e.startedAt, timeZone) });
  return (
    <section className="card card--alarm" aria-labelledby="evac-h" data-testid="evacuation" data-drill={e.drill}>
      <h2 id="evac-h">{e.drill ? t('evac.drillTitle') : t('evac.title')}</h2>
      <p>{started}</p>
      <div className="tiles" role="group" aria-label={t('evac.summary')}>
        <Tile label={t('evac.unaccounted')} value={count(e.unaccounted)} detail={t('evac.unaccountedDetail')} tone={e.unaccounted ? 'bad' : 'ok'} testId="evac-unaccounted" />
        <Tile label={t('evac.safe')} value={count(e.safe)} detail={t('evac.safeDetail')} tone="ok" testId="evac-safe" />
        <Tile label={t('evac.inside')} value={count(e.inside)} detail={t('evac.insideDetail')} testId="evac-inside" />
      </div>
      <h3>{t('evac.roomsTitle')}</h3>
      <DataTable
        caption={t('evac.roomsTitle')}
        testId="evac-rooms"
        rows={e.rooms}
        rowKey={(r) => r.roomId}
        empty={t('evac.allSafe')}
        columns={[
          { header: t('evac.room'), cell: (r) => (r.roomId ? <>{r.name}{r.floor && <span className="muted"> · {r.floor}</span>}</> : t('evac.building')) },
          { header: t('evac.unaccounted'), num: true, className: (r) => (r.unaccounted ? 'bad-text' : undefined), cell: (r) => count(r.unaccounted) },
          { header: t('evac.safe'), num: true, cell: (r) => count(r.safe) },
        ]}
      />
      {e.people && e.people.length > 0 && (
        <details className="evac-people">
          <summary>{t('evac.peopleTitle', { count: e.people.length })}</summary>
          <ul data-testid="evac-people">
            {e.people.map((p) => (
              <li key={p.attendeeId}>
                <strong>{p.name || t('common.protectedParticipant')}</strong> <span className="muted">· {where(p.roomId)}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      <h3>{t('evac.freshnessTitle')}</h3>
      <p className="muted">{t('evac.freshnessIntro')}</p>
      <DataTable
        caption={t('evac.freshnessTitle')}
        testId="evac-freshness"
        rows={stations.filter((s) => s.state !== 'revoked')}
        rowKey={(s) => s.id}
        columns={[
          { header: t('evac.station'), cell: (s) => s.name },
          { header: t('evac.newestEvent'), cell: (s) => (s.lastEventAt ? ago(s.lastEventAt, now) : t('evac.never')) },
          {
            header: t('evac.lastContact'),
            className: (s) => (s.state === 'online' ? undefined : 'warn-text'),
            cell: (s) => (s.lastSeenAt ? ago(s.lastSeenAt, now) : t('evac.never')),
          },
        ]}
      />
    </section>
  );
}

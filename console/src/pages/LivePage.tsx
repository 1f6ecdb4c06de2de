// The day itself, live: how many have arrived (over time, by category and delegation), every room
// against its safe capacity with alerts, every station and how stale it is, and people admitted
// twice. The registry pokes on every change and the page reads again; nobody presses reload.
// A viewer gets the same numbers without a single name (the registry leaves them out).
import { useState } from 'react';
import type { LiveRoom, LiveSnapshot } from '../../../core/console/live';
import { useResource } from '../api/useResource';
import { errorText } from '../api/client';
import { useMe } from '../api/session';
import { ArrivalsChart } from '../components/ArrivalsChart';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { StationTable } from '../components/StationTable';
import { count, dateTime, day as dayLabel, percent, time } from '../format';
import { t } from '../i18n';
import { categoryName } from '../names';
import { DataTable } from '../components/DataTable';
import { EvacuationCard } from '../components/EvacuationCard';
import { ProtocolCard } from '../components/ProtocolCard';
import { Tile } from '../components/Tile';

const DELEGATIONS_SHOWN = 12;

export function LivePage() {
  const me = useMe();
  const [day, setDay] = useState<string | null>(null);
  const r = useResource<LiveSnapshot>(`/v1/console/live${day ? `?day=${day}` : ''}`, { live: true, everyPing: true });
  const [allDelegations, setAllDelegations] = useState(false);
  const s = r.data;
  if (!s) return <Page title={t('live.title')}>{r.error ? <Notice kind="error">{errorText(r.error)}</Notice> : <p>{t('common.loading')}</p>}</Page>;
  if (!s.day) return <Page title={t('live.title')} intro={t('live.noEvent')}>{null}</Page>;
  const alerts = s.rooms.filter((x) => x.state !== 'ok');
  const online = s.stations.filter((x) => x.state === 'online').length;
  const active = s.stations.filter((x) => x.state !== 'revoked').length;
  const roomNames = new Map(s.rooms.map((x) => [x.id, x.name]));
  const delegations = allDelegations ? s.byDelegation : s.byDelegation.slice(0, DELEGATIONS_SHOWN);
  return (
    <Page
      title={t('live.title')}
      actions={
        s.days.length > 1 && (
          <label className="inline-field">
            <span>{t('live.day')}</span>
            <select value={s.day} onChange={(e) => setDay(e.target.value)} data-testid="live-day">
              {s.days.map((d) => (
                <option key={d} value={d}>
                  {dayLabel(d)}
                </option>
              ))}
            </select>
          </label>
        )
      }
      intro={t('live.updated', { time: dateTime(s.serverTime, s.timeZone) })}
    >
      {s.evacuation && <EvacuationCard evacuation={s.evacuation} stations={s.stations} now={s.serverTime} timeZone={s.timeZone} />}
      <section className="tiles" aria-label={t('live.summary')}>
        <Tile label={t('live.checkedIn')} value={count(s.total.checkedIn)} detail={t('live.ofExpected', { expected: count(s.total.expected), pct: percent(s.total.checkedIn, s.total.expected) })} testId="tile-checked-in" />
        <Tile label={t('live.roomAlerts')} value={count(alerts.length)} detail={t('live.roomsTotal', { count: s.rooms.length })} tone={alerts.some((a) => a.state === 'full' || a.state === 'critical') ? 'bad' : alerts.length ? 'warn' : 'ok'} testId="tile-alerts" />
        <Tile label={t('live.stationsOnline')} value={`${count(online)} / ${count(active)}`} detail={t('live.stationsDetail')} tone={online < active ? 'warn' : 'ok'} testId="tile-stations" />
        <Tile label={t('live.admittedTwice')} value={count(s.conflicts.count)} detail={t('live.admittedTwiceDetail')} tone={s.conflicts.count ? 'warn' : 'ok'} testId="tile-conflicts" />
      </section>

      {s.protocol && <ProtocolCard alerts={s.protocol} timeZone={s.timeZone} canAck={me.can('manage')} />}

      <section aria-labelledby="alerts-h" className="card">
        <h2 id="alerts-h">{t('live.alerts')}</h2>
        <div aria-live="polite" data-testid="room-alerts">
          {alerts.length === 0 ? (
            <p className="muted">{t('live.noAlerts')}</p>
          ) : (
            <ul className="alerts">
              {alerts.map((a) => (
                <li key={a.id} className={`alert alert--${a.state}`}>
                  <StateWord room={a} /> {t('live.alertLine', { room: a.name, current: count(a.current), capacity: count(a.capacity) })}
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>

      <section aria-labelledby="arrivals-h" className="card">
        <h2 id="arrivals-h">{t('live.arrivalsTitle')}</h2>
        <ArrivalsChart series={s.series} timeZone={s.timeZone} />
      </section>

      <section aria-labelledby="rooms-h" className="card">
        <h2 id="rooms-h">{t('live.roomsTitle')}</h2>
        <DataTable
          caption={t('live.roomsTitle')}
          testId="live-rooms"
          rows={s.rooms}
          rowKey={(x) => x.id}
          rowTestId={(x) => `live-room-${x.id}`}
          empty={t('live.noRooms')}
          columns={[
            {
              header: t('rooms.name'),
              cell: (x) => (
                <>
                  {x.name}
                  {x.floor && <span className="muted"> · {x.floor}</span>}
                </>
              ),
            },
            { header: t('live.inside'), num: true, testId: 'room-current', cell: (x) => count(x.current) },
            { header: t('rooms.capacity'), num: true, cell: (x) => count(x.capacity) },
            {
              header: t('live.fill'),
              cell: (x) => (
                <>
                  <span className="meter" aria-hidden="true">
                    <span className={`meter__fill meter__fill--${x.state}`} style={{ width: `${Math.min(100, x.pct)}%` }} />
                  </span>{' '}
                  <StateWord room={x} /> {percent(x.current, x.capacity)}
                </>
              ),
            },
            { header: t('live.uniqueToday'), num: true, cell: (x) => count(x.unique) },
            { header: t('live.lastScan'), cell: (x) => (x.lastAt ? time(x.lastAt, s.timeZone) : '—') },
          ]}
        />
      </section>

      <div className="two-col">
        <section aria-labelledby="cat-h" className="card">
          <h2 id="cat-h">{t('live.byCategory')}</h2>
          <TallyTable rows={s.byCategory.map((c) => ({ key: c.category, label: categoryName(c.category), ...c }))} first={t('live.category')} testId="by-category" />
        </section>
        <section aria-labelledby="del-h" className="card">
          <h2 id="del-h">{t('live.byDelegation')}</h2>
          {s.byDelegation.length === 0 ? (
            <p className="muted">{t('live.noDelegations')}</p>
          ) : (
            <>
              <TallyTable rows={delegations.map((d) => ({ key: `${d.country} ${d.delegation}`, label: d.delegation || d.country, ...d }))} first={t('live.delegation')} testId="by-delegation" />
              {s.byDelegation.length > DELEGATIONS_SHOWN && (
                <button type="button" className="button button--link" onClick={() => setAllDelegations((a) => !a)} aria-expanded={allDelegations}>
                  {allDelegations ? t('live.fewerDelegations') : t('live.allDelegations', { count: s.byDelegation.length })}
                </button>
              )}
            </>
          )}
        </section>
      </div>

      <section aria-labelledby="stations-h" className="card">
        <h2 id="stations-h">{t('live.stationsTitle')}</h2>
        <StationTable stations={s.stations} now={s.serverTime} rooms={roomNames} />
      </section>

      <section aria-labelledby="conflicts-h" className="card">
        <h2 id="conflicts-h">{t('live.conflictsTitle')}</h2>
        {s.conflicts.count === 0 ? (
          <p className="muted">{t('live.noConflicts')}</p>
        ) : !s.conflicts.people || !me.can('names') ? (
          <p data-testid="conflict-count">{t('live.conflictsCount', { count: s.conflicts.count })}</p>
        ) : (
          <ul className="conflicts" data-testid="conflicts">
            {s.conflicts.people.map((p) => (
              <li key={p.attendeeId}>
                <strong>{p.name || t('common.protectedParticipant')}</strong> <span className="muted">({categoryName(p.category)})</span>
                <ul>
                  {p.admissions.map((a, i) => (
                    <li key={i}>{t('live.admittedAt', { station: a.stationName, time: time(a.at, s.timeZone) })}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}

function StateWord({ room }: { room: LiveRoom }) {
  return (
    <span className={`state state--${room.state}`}>
      <span aria-hidden="true">{room.state === 'ok' ? '●' : room.state === 'warning' ? '▲' : '■'}</span> {t(`state.${room.state}`)}
    </span>
  );
}

function TallyTable({ rows, first, testId }: { rows: { key: string; label: string; checkedIn: number; expected: number }[]; first: string; testId: string }) {
  return (
    <DataTable
      caption={first}
      testId={testId}
      rows={rows}
      rowKey={(r) => r.key}
      columns={[
        { header: first, cell: (r) => r.label },
        { header: t('live.checkedIn'), num: true, cell: (r) => count(r.checkedIn) },
        { header: t('live.expected'), num: true, cell: (r) => count(r.expected) },
        { header: '%', num: true, cell: (r) => percent(r.checkedIn, r.expected) },
      ]}
    />
  );
}

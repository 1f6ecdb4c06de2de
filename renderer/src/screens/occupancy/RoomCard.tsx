// One room at a glance: name, people inside of its safe capacity, fill bar, state in
// colour + icon + words, the session on now, and which way the count is going.
import type { RoomLive } from '../../../../core/api/occupancy';
import { Icon } from '../../components/Icon';
import { clockTime, momentParts } from '../../format';
import { STATE_ICON, stateWord, trendArrow } from './look';
import { t } from '../../i18n';

export function FillBar({ room, big = false }: { room: Pick<RoomLive, 'pct' | 'warnPct' | 'criticalPct' | 'state'>; big?: boolean }) {
  return (
    <div className={`fill fill--${room.state}${big ? ' fill--big' : ''}`} aria-hidden="true">
      <div className="fill__bar" style={{ width: `${Math.min(100, room.pct)}%` }} />
      <div className="fill__mark" style={{ left: `${room.warnPct}%` }} />
      <div className="fill__mark" style={{ left: `${room.criticalPct}%` }} />
    </div>
  );
}

export function StatePill({ room }: { room: Pick<RoomLive, 'state' | 'pct'> }) {
  return (
    <span className={`state-pill state-pill--${room.state}`} data-testid="room-state" data-state={room.state}>
      <Icon name={STATE_ICON[room.state]} />
      {stateWord(room.state)} · {room.pct}%
    </span>
  );
}

export function trendText(n: number): string {
  return n > 0 ? t('rooms.trendUp', { n }) : n < 0 ? t('rooms.trendDown', { n: -n }) : t('rooms.trendFlat');
}

/** 'Next at 14:30:' ('Next on 30 Nov at 09:30:' another day) first, then the title: a long title is cut, never the time. */
export function NextSession({ title, startsAt, timeZone }: { title: string; startsAt: number; timeZone: string }) {
  const m = momentParts(startsAt, timeZone);
  return (
    <>
      <span className="next-session__when">{m.today ? t('rooms.next', { time: m.time }) : t('rooms.nextOn', { date: m.date, time: m.time })}</span> <span className="next-session__title">{title}</span>
    </>
  );
}

export function RoomCard({ room, timeZone }: { room: RoomLive; timeZone: string }) {
  return (
    // The room's name is the link (its accessible name is what it shows); it stretches over the
    // whole card, so a click anywhere opens the room.
    <article className={`room-card room-card--${room.state}`} data-testid="room-card" data-room={room.id} data-state={room.state}>
      <div className="room-card__head">
        <h2 className="room-card__name">
          <a className="room-card__link" href={`#/rooms/${encodeURIComponent(room.id)}`}>
            {room.name}
          </a>
        </h2>
        <span className="room-card__floor">{room.floor}</span>
      </div>
      <div className="room-card__count">
        <span className="room-card__current" data-testid="room-current">
          {room.current}
        </span>
        <span className="room-card__capacity">/ {room.capacity}</span>
        <span className={`room-card__trend room-card__trend--${Math.sign(room.trend)}`}>
          {trendArrow(room.trend)} {trendText(room.trend)}
        </span>
      </div>
      <FillBar room={room} />
      <div className="room-card__foot">
        <StatePill room={room} />
        {room.flagged > 0 && <span className="room-card__flag">{t('rooms.flagged', { count: room.flagged })}</span>}
      </div>
      <p className="room-card__session">
        {room.session
          ? `${clockTime(room.session.startsAt, timeZone)}–${clockTime(room.session.endsAt, timeZone)} ${room.session.title}`
          : room.nextSession
            ? <NextSession title={room.nextSession.title} startsAt={room.nextSession.startsAt} timeZone={timeZone} />
            : t('rooms.noSession')}
      </p>
    </article>
  );
}

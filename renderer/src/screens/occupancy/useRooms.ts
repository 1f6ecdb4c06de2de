// Live room numbers for the dashboard and the wall: re-fetched on every 'occupancy' push
// (own scans, counter, sweep) and on 'sync' (other stations' events), and every 10 s so
// trends and the current session move with the clock.
import type { RoomsOverview } from '../../../../core/api/occupancy';
import { api } from '../../api';
import { useApiQuery } from '../../api/useApiQuery';

const TOPICS = ['occupancy', 'sync'] as const;

export function useRooms() {
  return useApiQuery<RoomsOverview>(() => api['occupancy.rooms']({}), TOPICS, [], { intervalMs: 10_000 });
}

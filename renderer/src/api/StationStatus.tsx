// The station's status (event, day, counts, sync, clock drift), fetched once for the
// whole window: the status bar and every screen read it from this context.
import { createContext, useContext, type ReactNode } from 'react';
import type { StationStatus } from '../../../core/api/checkin';
import { api } from './index';
import { useApiQuery, type QueryState } from './useApiQuery';

const TOPICS = ['scan', 'status', 'sync', 'attendees'] as const;
const Ctx = createContext<QueryState<StationStatus> | null>(null);

export function StationStatusProvider({ children }: { children: ReactNode }) {
  const q = useApiQuery(() => api['station.status']({}), TOPICS, [], { intervalMs: 15_000 });
  return <Ctx.Provider value={q}>{children}</Ctx.Provider>;
}

export function useStationStatus(): QueryState<StationStatus> {
  const q = useContext(Ctx);
  if (!q) throw new Error('useStationStatus outside StationStatusProvider');
  return q;
}

// Who is logged in (GET /v1/console/me): the role and its permissions, the event, and how
// stations reach this registry. Any request answered 401 (the session ended: logged out
// elsewhere, account disabled, idle too long) brings the login back.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { ConsoleRole, Permission } from '../../../core/console/access';
import { ApiError, api, onUnauthorised } from './client';

export interface Me {
  user: { id: string; name: string; displayName: string; role: ConsoleRole; kind: 'account' | 'token' };
  permissions: Permission[];
  event: { id: string; name: string; timeZone: string; days: string[] } | null;
  registry: { url: string; fingerprint: string | null };
  serverTime: number;
}

type State = { kind: 'loading' } | { kind: 'anonymous'; error?: unknown } | { kind: 'in'; me: Me };

interface Session {
  state: State;
  refresh: () => Promise<void>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const refresh = useCallback(async () => {
    try {
      const me = await api.get<Me | { user: null }>('/v1/console/me');
      setState(me.user ? { kind: 'in', me: me as Me } : { kind: 'anonymous' });
    } catch (err) {
      setState({ kind: 'anonymous', error: err instanceof ApiError && err.status === 401 ? undefined : err });
    }
  }, []);
  const logout = useCallback(async () => {
    await api.post('/v1/console/logout').catch(() => {});
    setState({ kind: 'anonymous' });
  }, []);
  useEffect(() => {
    void refresh();
    return onUnauthorised(() => setState({ kind: 'anonymous' }));
  }, [refresh]);
  return <SessionContext.Provider value={{ state, refresh, logout }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The logged-in user's facts (inside pages, which only render when someone is logged in). */
export function useMe(): Me & { can: (p: Permission) => boolean; refresh: () => Promise<void> } {
  const s = useSession();
  if (s.state.kind !== 'in') throw new Error('useMe without a session');
  const me = s.state.me;
  return { ...me, can: (p) => me.permissions.includes(p), refresh: s.refresh };
}

// Reads one registry resource for a page, and reads it again when the registry pokes (live:
// true), when the page asks (reload), or when the path changes. The previous data stays on
// screen while a new read is under way, so live numbers never flash empty.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from './client';
import { useLive } from './live';

export interface Resource<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

export function useResource<T>(path: string | null, opts: { live?: boolean; everyPing?: boolean } = {}): Resource<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(path !== null);
  const [n, setN] = useState(0);
  const live = useLive();
  const version = opts.live ? live.version : 0;
  const ping = opts.everyPing ? live.ping : 0;
  const latest = useRef(0);
  useEffect(() => {
    if (path === null) return;
    const mine = ++latest.current;
    setLoading(true);
    api
      .get<T>(path)
      .then((d) => {
        if (mine !== latest.current) return;
        setData(d);
        setError(null);
      })
      .catch((e: unknown) => mine === latest.current && setError(e))
      .finally(() => mine === latest.current && setLoading(false));
  }, [path, n, version, ping]);
  const reload = useCallback(() => setN((x) => x + 1), []);
  return { data, error, loading, reload };
}

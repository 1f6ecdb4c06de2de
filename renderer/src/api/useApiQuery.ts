// Fetches with the station API and re-fetches when one of `topics` is pushed.
// Overlapping pushes are coalesced: at most one request in flight, one queued.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiCallError, subscribe, type Topic } from './index';
import { errorText } from '../i18n/station';

export interface QueryState<T> {
  data: T | undefined;
  /** A sentence, when the last fetch failed (data keeps the last good value). */
  error: string | null;
  /** The station's error code with it ('offline', 'unauthorised'…), to tell "not responding" from "not allowed". */
  errorCode: string | null;
  refresh: () => void;
}

export function useApiQuery<T>(
  fetcher: () => Promise<T>,
  topics: readonly Topic[],
  deps: readonly unknown[] = [],
  opts: { intervalMs?: number } = {},
): QueryState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<{ message: string; code: string | null } | null>(null);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  const inFlight = useRef(false);
  const queued = useRef(false);
  const alive = useRef(true);
  const generation = useRef(0);

  const run = useCallback(() => {
    if (inFlight.current) {
      queued.current = true;
      return;
    }
    inFlight.current = true;
    const gen = generation.current;
    fetcherRef
      .current()
      .then(
        (value) => {
          if (!alive.current || gen !== generation.current) return;
          setData(value);
          setError(null);
        },
        (err: unknown) => {
          if (!alive.current || gen !== generation.current) return;
          setError({ message: errorText(err), code: err instanceof ApiCallError ? err.error.code : null });
        },
      )
      .finally(() => {
        if (gen !== generation.current) return; // a newer query took over
        inFlight.current = false;
        if (queued.current && alive.current) {
          queued.current = false;
          run();
        }
      });
  }, []);

  useEffect(() => {
    alive.current = true;
    generation.current += 1;
    inFlight.current = false;
    queued.current = false;
    run();
    const off = subscribe((topic) => {
      if (topics.includes(topic)) run();
    });
    const timer = opts.intervalMs ? setInterval(run, opts.intervalMs) : null;
    return () => {
      alive.current = false;
      off();
      if (timer) clearInterval(timer);
    };
    // Topics compare by value (callers pass literals); `deps` re-run the query when they change.
  }, [run, opts.intervalMs, topics.join(','), ...deps]);

  return { data, error: error?.message ?? null, errorCode: error?.code ?? null, refresh: run };
}

// Live pokes for the whole console: one Server-Sent Events stream per open console
// (/v1/console/live/stream). `version` moves when the registry changed anything (a scan, an
// import, a station paired) — pages that show live data read again; `ping` moves on every
// heartbeat, so how long ago each station was seen is redrawn without any change. EventSource
// reconnects by itself; `connected` says whether the stream is up right now.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

interface Live {
  version: number;
  ping: number;
  connected: boolean;
}

const LiveContext = createContext<Live>({ version: 0, ping: 0, connected: false });

export function LiveProvider({ children }: { children: ReactNode }) {
  const [live, setLive] = useState<Live>({ version: 0, ping: 0, connected: false });
  useEffect(() => {
    const source = new EventSource('/v1/console/live/stream');
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A burst of scans is one re-read, not fifty.
    const poke = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        setLive((l) => ({ ...l, version: l.version + 1 }));
      }, 250);
    };
    source.addEventListener('hello', () => setLive((l) => ({ ...l, connected: true, version: l.version + 1 })));
    source.addEventListener('poke', poke);
    source.addEventListener('ping', () => setLive((l) => ({ ...l, connected: true, ping: l.ping + 1 })));
    source.onerror = () => setLive((l) => ({ ...l, connected: false }));
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, []);
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

export function useLive(): Live {
  return useContext(LiveContext);
}

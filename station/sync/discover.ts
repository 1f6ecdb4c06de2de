// Finding LAN hubs by DNS-SD over multicast DNS (`_foyer._tcp`, station/hub/announce.ts). Every
// answer is a hint from anyone on the network, never trusted: the list is capped, only hubs
// of this station's event are offered, and the sync client uses one only after the handshake
// (core/sync/hub-protocol.ts) proves it is a station the registry published.
import net from 'node:net';
import { Bonjour, type Service } from 'bonjour-service';

const SERVICE_TYPE = 'foyer';
const MAX_FOUND = 16;

export interface FoundHub {
  url: string;
  stationId: string;
  eventId: string;
  seenAt: number;
}

export class HubFinder {
  private readonly found = new Map<string, FoundHub>();
  private readonly bonjour: Bonjour;
  private readonly waiters = new Set<() => void>();

  constructor(now: () => number = Date.now) {
    this.bonjour = new Bonjour({}, (err: Error) => console.warn('[sync] cannot look for hubs on this network:', err.message));
    const browser = this.bonjour.find({ type: SERVICE_TYPE, protocol: 'tcp' });
    browser.on('up', (s: Service) => {
      const hub = asHub(s, now());
      if (!hub || (this.found.size >= MAX_FOUND && !this.found.has(s.fqdn))) return;
      this.found.set(s.fqdn, hub);
      for (const w of this.waiters) w();
    });
    browser.on('down', (s: Service) => this.found.delete(s.fqdn));
  }

  /** Hubs of this event heard on the network, the most recently announced first. */
  hubs(eventId: string | null, selfId: string): FoundHub[] {
    return [...this.found.values()].filter((h) => h.eventId === eventId && h.stationId !== selfId).sort((a, b) => b.seenAt - a.seenAt);
  }

  /** Resolves when a hub is heard, or after `ms`. */
  waitForAny(ms: number): Promise<void> {
    if (this.found.size > 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
    });
  }

  stop(): void {
    this.bonjour.destroy();
  }
}

function asHub(s: Service, now: number): FoundHub | null {
  const txt = (s.txt ?? {}) as Record<string, unknown>;
  const eventId = typeof txt.event === 'string' ? txt.event.slice(0, 64) : null;
  const stationId = typeof txt.station === 'string' ? txt.station.slice(0, 64) : null;
  const port = Number(s.port);
  // An IPv4 address first (link-local IPv6 needs a zone the URL cannot carry).
  const addr = (s.addresses ?? []).find((a) => net.isIPv4(a)) ?? (s.addresses ?? []).find((a) => net.isIPv6(a) && !a.startsWith('fe80'));
  if (!eventId || !stationId || !addr || !Number.isInteger(port) || port < 1 || port > 65535) return null;
  return { url: `https://${net.isIPv6(addr) ? `[${addr}]` : addr}:${port}`, stationId, eventId, seenAt: now };
}

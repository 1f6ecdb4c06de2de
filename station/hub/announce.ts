// A hub announces itself on the venue network with DNS-SD over multicast DNS (`_foyer._tcp`,
// bonjour-service), so stations find it without anyone typing an address. The announcement is
// only a hint: it names the event and the hub's station id, and a station trusts the hub only
// after the handshake (core/sync/hub-protocol.ts). Where multicast is blocked, stations take a
// typed address instead (station/sync/hub-client.ts).
import { Bonjour } from 'bonjour-service';

export const SERVICE_TYPE = 'foyer';

export interface Announcement {
  stop(): Promise<void>;
}

export function announceHub(o: { name: string; port: number; eventId: string; stationId: string }): Announcement {
  // Errors (no multicast on this network) are not fatal: stations can still type the address.
  const bonjour = new Bonjour({}, (err: Error) => console.warn('[hub] cannot announce on this network:', err.message));
  // Instance names must be unique on the network: the station id keeps two hubs named alike apart.
  const name = `Foyer hub ${o.name.slice(0, 40)} ${o.stationId.slice(0, 8)}`.replace(/\./g, ' ');
  bonjour.publish({ name, type: SERVICE_TYPE, protocol: 'tcp', port: o.port, txt: { event: o.eventId, station: o.stationId } });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        bonjour.unpublishAll(() => bonjour.destroy(() => resolve()));
        setTimeout(resolve, 1000).unref(); // a network that swallowed the goodbye does not hold up closing
      }),
  };
}

// The LAN hub's additions to the sync protocol (docs/lan-hub.md): how a station and a hub prove
// to each other that each holds a station key the registry published for this event, before a
// byte of the event log crosses between them. Everything else a hub speaks is the ordinary sync
// protocol (push, pull), checked as hostile: events must carry their author's signature.
//
// 1. The station opens TLS to the hub (any certificate) and notes the certificate's fingerprint.
// 2. GET /v1/hub/hello, over a connection pinned to that fingerprint: the hub's statement — its
//    station id, name, event, key id, that fingerprint and a fresh nonce — signed with the hub's
//    station key. A man in the middle cannot sign a statement naming its own certificate.
// 3. POST /v1/hub/auth: the station signs (its id, the hub's id, the event, the fingerprint, the
//    nonce) with its own station key; the hub checks it against the keys it has from the
//    registry and answers with a session token (bearer, in memory, ≤ 1 hour). The nonce is used
//    once, and the fingerprint binds the proof to this TLS endpoint (it cannot be replayed to
//    another hub).
import { z } from 'zod';
import type { Ed25519 } from '../badge/signed';
import { Id } from '../records/fields';
import { fromBase64url, signedBytes, toBase64url } from './canonical';
import type { AuthorKey } from './event-signature';
import { PROTOCOL_VERSION } from './protocol';

const HELLO_CONTEXT = 'foyer-hub-hello-1';
const AUTH_CONTEXT = 'foyer-hub-auth-1';
const B64_32 = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
const B64_SIG = z.string().regex(/^[A-Za-z0-9_-]{86}$/);
const KeyId = z.number().int().min(1).max(255);

export const HubStatement = z.object({
  stationId: Id,
  name: z.string().min(1).max(120),
  eventId: Id,
  keyId: KeyId,
  /** SHA-256 of the hub's TLS certificate (DER), base64url. */
  fingerprint: B64_32,
  nonce: B64_32,
  issuedAt: z.number().int(),
});
export type HubStatement = z.infer<typeof HubStatement>;

export const HubHello = z.object({ protocol: z.literal(PROTOCOL_VERSION), hub: HubStatement, sig: B64_SIG });
export type HubHello = z.infer<typeof HubHello>;

export const HubAuthRequest = z.object({ protocol: z.literal(PROTOCOL_VERSION), stationId: Id, keyId: KeyId, nonce: B64_32, sig: B64_SIG });
export type HubAuthRequest = z.infer<typeof HubAuthRequest>;

export const HubAuthResponse = z.object({ protocol: z.literal(PROTOCOL_VERSION), token: z.string().min(32).max(128), expiresAt: z.number().int() });
export type HubAuthResponse = z.infer<typeof HubAuthResponse>;

/**
 * GET /v1/hub/wait?cursor=…&waitMs=… (session): the live poke, as a long poll. The hub answers as
 * soon as it holds an event after `cursor` for this station (`news: true`), or after `waitMs`
 * (`news: false`); the station then pulls as usual. A station whose hub does not answer it simply
 * polls (every `hubPollMs`).
 */
export const HubWaitResponse = z.object({ protocol: z.literal(PROTOCOL_VERSION), news: z.boolean() });
export type HubWaitResponse = z.infer<typeof HubWaitResponse>;
export const MAX_HUB_WAIT_MS = 30_000;

type Key = { keyId: number; privateKey: Uint8Array };

export function signHello(s: HubStatement, key: Key, ed: Ed25519): HubHello {
  return { protocol: PROTOCOL_VERSION, hub: s, sig: toBase64url(ed.sign(signedBytes(HELLO_CONTEXT, s), key.privateKey)) };
}

/**
 * Why a station must not use this hub (null: it may). `fingerprint` is the certificate the
 * station saw on the TLS connection the hello came over.
 */
export function helloProblem(h: HubHello, o: { fingerprint: string; eventId: string | null; selfId: string; authorKey: AuthorKey; ed: Ed25519 }): string | null {
  if (h.hub.fingerprint !== o.fingerprint) return 'the hub’s certificate is not the one its statement names (someone may be in between)';
  if (o.eventId === null || h.hub.eventId !== o.eventId) return 'the hub serves another event';
  if (h.hub.stationId === o.selfId) return 'that address is this station itself';
  const key = o.authorKey(h.hub.stationId, h.hub.keyId);
  if (!key) return 'the hub is not a station the registry published for this event (or it was revoked)';
  const sig = fromBase64url(h.sig);
  return sig && o.ed.verify(signedBytes(HELLO_CONTEXT, h.hub), sig, key) ? null : 'the hub’s statement is not signed by its station key';
}

function authMessage(stationId: string, hub: HubStatement, nonce: string): Uint8Array {
  return signedBytes(AUTH_CONTEXT, { stationId, hubStationId: hub.stationId, eventId: hub.eventId, fingerprint: hub.fingerprint, nonce });
}

export function signAuth(stationId: string, hub: HubStatement, key: Key, ed: Ed25519): HubAuthRequest {
  return { protocol: PROTOCOL_VERSION, stationId, keyId: key.keyId, nonce: hub.nonce, sig: toBase64url(ed.sign(authMessage(stationId, hub, hub.nonce), key.privateKey)) };
}

/** Whether a station's proof holds (the hub checks that the nonce is its own and unused). */
export function authValid(r: HubAuthRequest, hub: Omit<HubStatement, 'nonce'>, authorKey: AuthorKey, ed: Ed25519): boolean {
  const key = authorKey(r.stationId, r.keyId);
  const sig = fromBase64url(r.sig);
  return !!key && !!sig && ed.verify(authMessage(r.stationId, { ...hub, nonce: r.nonce }, r.nonce), sig, key);
}

// Author signatures on log events (docs/lan-hub.md, "Trust"). A station signs each of its own
// events with its station key — the Ed25519 key the registry published for it at pairing — so
// a LAN hub can relay other stations' events but cannot forge or alter one: the registry checks
// the signature when a hub forwards events upstream, and so does every station that receives
// events through a hub. `sig` is "<key id>:<base64url signature>" over every field of the event
// but `sig` itself, as canonical JSON (core/sync/canonical.ts). Pure: the Ed25519 implementation
// is handed in (node-shared/ed25519.ts), as for badges.
import type { Ed25519 } from '../badge/signed';
import { EVENT_SIG, LogEventFields, type WireEvent } from '../records/log-event';
import { fromBase64url, signedBytes, toBase64url } from './canonical';

const CONTEXT = 'foyer-event-1';
/** The fields a signature covers: every field of the event but `sig` (a field added later needs a new context). */
const SIGNED_FIELDS = Object.keys(LogEventFields).filter((k) => k !== 'sig');

function messageOf(e: WireEvent): Uint8Array {
  const picked: Record<string, unknown> = {};
  for (const k of SIGNED_FIELDS) picked[k] = (e as Record<string, unknown>)[k] ?? null;
  return signedBytes(CONTEXT, picked);
}

/** The `sig` of one of this station's own events. */
export function signEvent(e: WireEvent, key: { keyId: number; privateKey: Uint8Array }, ed: Ed25519): string {
  return `${key.keyId}:${toBase64url(ed.sign(messageOf(e), key.privateKey))}`;
}

/**
 * The public key a station `stationId` signed with under `keyId`, if the verifier trusts it:
 * published by the registry for that very station, which is not revoked. Null otherwise.
 */
export type AuthorKey = (stationId: string, keyId: number) => Uint8Array | null;

/** Why an event's author signature cannot be accepted (null: it verifies; or, when not required, it is absent). */
export function signatureProblem(e: WireEvent, authorKey: AuthorKey, ed: Ed25519, required: boolean): string | null {
  if (e.sig === undefined || e.sig === null) return required ? 'it carries no author signature (relayed events must be signed by their station)' : null;
  const m = EVENT_SIG.exec(e.sig);
  const sig = m ? fromBase64url(m[2]!) : null;
  if (!m || !sig || sig.length !== 64) return 'its author signature is malformed';
  const key = authorKey(e.stationId, Number(m[1]));
  if (!key) return `its author signature uses key ${m[1]}, which is not a key of station ${e.stationId.slice(0, 64)} (or that station was revoked)`;
  return ed.verify(messageOf(e), sig, key) ? null : 'its author signature does not match the event (altered or forged)';
}

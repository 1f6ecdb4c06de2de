// Author signatures on log events (core/sync/event-signature.ts): a hub relays events it cannot
// forge or alter. The signature must survive what storage does to an event (PostgreSQL's jsonb
// reorders keys) and fail on any change a relay could make.
import { describe, expect, it } from 'vitest';
import { canonicalJson, fromBase64url, toBase64url } from '../../core/sync/canonical';
import { signEvent, signatureProblem, type AuthorKey } from '../../core/sync/event-signature';
import type { WireEvent } from '../../core/sync/protocol';
import { generateEd25519, nodeEd25519 } from '../../node-shared/ed25519';

const north = generateEd25519();
const south = generateEd25519();
const keys: AuthorKey = (stationId, keyId) => (stationId === 'north' && keyId === 7 ? north.publicKey : stationId === 'south' && keyId === 9 ? south.publicKey : null);

const event: WireEvent = {
  id: '2b1f3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d',
  stationId: 'north',
  seq: 12,
  hlc: '2026-06-01T09:00:00.000Z-0000-0123456789abcdef',
  wallTime: 1_780_304_400_000,
  kind: 'scan',
  attendeeId: 'att-1',
  roomId: null,
  sessionId: null,
  verdict: 'admitted',
  reason: 'ok',
  operator: null,
  payload: { code: 'A23-XYZ', nested: { b: 1, a: 'Ж' } },
  day: '2026-06-01',
} as WireEvent;

const signed = (e: WireEvent, key = north, keyId = 7) => ({ ...e, sig: signEvent(e, { keyId, privateKey: key.privateKey }, nodeEd25519) });
const problem = (e: WireEvent, required = true) => signatureProblem(e, keys, nodeEd25519, required);

describe('event author signatures', () => {
  it('verify after keys are reordered at every depth (as PostgreSQL jsonb stores them)', () => {
    const s = signed(event);
    const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(s).reverse())));
    reordered.payload = { nested: { a: 'Ж', b: 1 }, code: 'A23-XYZ' };
    expect(problem(reordered)).toBeNull();
    expect(canonicalJson({ b: [1, { d: 2, c: undefined }], a: null })).toBe('{"a":null,"b":[1,{"d":2}]}');
  });

  it('fail on any change a relay could make: verdict, person, payload, station, sequence number', () => {
    const s = signed(event);
    expect(problem({ ...s, verdict: 'refused' } as WireEvent)).toMatch(/does not match/);
    expect(problem({ ...s, attendeeId: 'att-2' })).toMatch(/does not match/);
    expect(problem({ ...s, payload: { ...s.payload, code: 'A23-XYY' } })).toMatch(/does not match/);
    expect(problem({ ...s, seq: 13 })).toMatch(/does not match/);
    expect(problem({ ...s, hlc: '2026-06-01T09:00:00.001Z-0000-0123456789abcdef' })).toMatch(/does not match/);
    // Moved to another station: that station's key does not verify it (or is not its key at all).
    expect(problem({ ...s, stationId: 'south' })).toMatch(/not a key of station south/);
  });

  it("refuse a key that is not the named station's, unknown keys, malformed and missing signatures", () => {
    // South signs an event claiming to be North's with its own (published) key id: refused.
    expect(problem(signed(event, south, 9))).toMatch(/not a key of station north/);
    // A key the registry never published (a hub's made-up key).
    expect(problem(signed(event, generateEd25519(), 7))).toMatch(/does not match/);
    expect(problem({ ...event, sig: '7:' + 'A'.repeat(86) })).toMatch(/does not match/);
    expect(problem({ ...event, sig: 'seven:abc' })).toMatch(/malformed/);
    expect(problem({ ...event, sig: null })).toMatch(/no author signature/);
    expect(problem({ ...event, sig: null }, false)).toBeNull();
  });

  it('base64url round-trips every byte value', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect([...fromBase64url(toBase64url(all))!]).toEqual([...all]);
    expect(fromBase64url('a+b/')).toBeNull();
  });
});

// What a station says to its desk — pairing and sync results, the sync status line, "forget this
// event", refusals — reaches the person in the desk's language: real station results and errors,
// worded by the renderer in en/de/fr/ru with their numbers, names and addresses kept; a notice
// this renderer does not know (a newer station, or a hostile one) falls back to the station's
// English sentence and never shows a raw key.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiCallError, type ApiResponse } from '../../core/api/index';
import type { Notice } from '../../core/api/notice';
import { setSetting } from '../../db/settings';
import { setLanguage } from '../../renderer/src/i18n/index';
import { errorText, stationText } from '../../renderer/src/i18n/station';
import { createHandlers, dispatch } from '../../station/handlers/index';
import type { Station } from '../../station/station';
import { LINK } from '../../station/sync/link';
import { statusLine } from '../../station/sync/status';
import { SyncError } from '../../station/sync/transport';
import type { Lang } from '../helpers/sentences';
import { demoCodes, freshStation } from '../helpers/station';

const LANGS: Lang[] = ['en', 'de', 'fr', 'ru'];
// Nothing listens on port 9 (discard): a registry that cannot be reached, refused at once.
const DEAD_REGISTRY = 'http://127.0.0.1:9';

let station: Station;
const handlers = createHandlers();
const call = (method: string, args: unknown = {}) => dispatch(handlers, station, method, args) as Promise<ApiResponse<never>>;
async function value<T>(method: string, args: unknown = {}): Promise<T> {
  const r = await call(method, args);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}
async function failure(method: string, args: unknown = {}): Promise<ApiCallError> {
  const r = await call(method, args);
  if (r.ok) throw new Error(`${method} was expected to be refused`);
  return new ApiCallError(r.error);
}

/**
 * Said in every language: no placeholder or message key left, no two languages alike (nothing
 * left in English), Russian in Cyrillic. (Some sentences start with a number or an address.)
 */
function expectTranslated(byLang: Record<Lang, string>): void {
  for (const s of Object.values(byLang)) {
    expect(s, s).toMatch(/[.!?)]$/);
    expect(s, s).not.toMatch(/\{\{|\}\}|\bundefined\b|\bNaN\b|\bstation\.[a-z]/);
  }
  expect(new Set(Object.values(byLang)).size, JSON.stringify(byLang)).toBe(LANGS.length);
  expect(byLang.ru).toMatch(/\p{Script=Cyrillic}{3}/u);
}

/** The same thing said in each language, by the renderer's `say`. */
function inEveryLanguage(say: () => string): Record<Lang, string> {
  const out = {} as Record<Lang, string>;
  for (const l of LANGS) {
    setLanguage(l);
    out[l] = say();
  }
  return out;
}

beforeEach(() => {
  ({ station } = freshStation({ stationName: 'North door' }));
});
afterEach(() => {
  setLanguage('en');
  station.close();
});

describe('pairing results', () => {
  it('a wrong address, a missing code and an unreachable registry are said in every language, the address kept', async () => {
    type Pair = { paired: boolean; message: string; notice: Notice };
    const notAddress = await value<Pair>('sync.pair', { url: 'registry please', code: 'ABCDE-FGHJK' });
    const noCode = await value<Pair>('sync.pair', { url: DEAD_REGISTRY, code: '' });
    const unreachable = await value<Pair>('sync.pair', { url: DEAD_REGISTRY, code: 'ABCDE-FGHJK' });
    for (const r of [notAddress, noCode, unreachable]) {
      expect(r.paired).toBe(false);
      const said = inEveryLanguage(() => stationText(r));
      expectTranslated(said);
      expect(said.en).toBe(r.message); // the station's English is the catalog's English
    }
    for (const s of Object.values(inEveryLanguage(() => stationText(unreachable)))) expect(s).toContain('127.0.0.1:9');
  });

  it('"Sync now" on a station that is not paired says so in every language', async () => {
    const r = await value<{ ok: boolean; message: string; notice: Notice }>('sync.now');
    expect(r.ok).toBe(false);
    expectTranslated(inEveryLanguage(() => stationText(r)));
  });
});

describe('the sync status line', () => {
  it('offline, revoked, refused events and a wrong clock: each in every language, with its number', () => {
    const line = (lastError: SyncError | null, skewMs = 0) => statusLine(station, { paired: true, state: 'error', lastError, clockWarning: skewMs !== 0, skewMs });
    const offline = line(new SyncError('network', { key: 'networkFailed', params: { why: 'ECONNREFUSED' } }));
    const revoked = line(new SyncError('unauthorized', { key: 'registrySays', params: { reason: 'Station revoked.' } }, 401));
    const trouble = line(new SyncError('server', { key: 'registryTrouble', params: { status: 503 } }, 503));
    const behind = line(null, 7 * 60_000);
    for (const l of [offline, revoked, trouble, behind]) expectTranslated(inEveryLanguage(() => stationText(l)));
    for (const s of Object.values(inEveryLanguage(() => stationText(trouble)))) expect(s).toContain('503');
    const clock = inEveryLanguage(() => stationText(behind));
    for (const s of Object.values(clock)) expect(s).toMatch(/(^|\D)7(\D|$)/);
    // Ahead and behind are different sentences (not one with the sign lost).
    expect(inEveryLanguage(() => stationText(line(null, -7 * 60_000)))).not.toEqual(clock);
  });
});

describe('"forget this event"', () => {
  it('the second question names how many scans would be lost, and the result asks to revoke the unreachable station, in every language', async () => {
    station.write(() => setSetting(station.db.orm, LINK, { url: DEAD_REGISTRY, token: 'x'.repeat(43), eventId: null, pairedAt: 1 }));
    for (const c of demoCodes(station, 3)) await value('checkin.scan', { text: c.code });
    type Forget = { needsSecondConfirmation: boolean; unsynced: number; message: string; notice: Notice };
    const first = await value<Forget>('station.forget', { confirm: true });
    expect(first).toMatchObject({ needsSecondConfirmation: true, unsynced: 3 });
    const question = inEveryLanguage(() => stationText(first));
    expectTranslated(question);
    for (const s of Object.values(question)) expect(s).toMatch(/(^|\D)3(\D|$)/);

    const oldId = station.id;
    const done = await value<Forget>('station.forget', { confirm: true, discardUnsynced: true });
    const result = inEveryLanguage(() => stationText(done));
    expectTranslated(result);
    for (const s of Object.values(result)) {
      expect(s).toContain('North door');
      expect(s).toContain(oldId);
    }
  });
});

describe('refusals', () => {
  it('"no such room", "no such session" and "not on this list" are three sentences, each in every language', async () => {
    const room = await failure('occupancy.room', { roomId: 'no-such-room' });
    const session = await failure('occupancy.session', { sessionId: 'no-such-session' });
    const person = await failure('badges.pdf', { attendeeId: 'no-such-person', template: 'cr80' });
    const said = [room, session, person].map((e) => inEveryLanguage(() => errorText(e)));
    for (const s of said) expectTranslated(s);
    for (const l of LANGS) expect(new Set(said.map((s) => s[l])).size, l).toBe(3);
  });

  it('the badge desk and handouts refuse in the desk’s language: badge already handed over, receiver still out, number or answer missing, item not handed out here', async () => {
    const [p, q] = demoCodes(station, 2);
    await value('collect.handOver', { attendeeId: p!.attendeeId });
    const collected = await failure('collect.handOver', { attendeeId: p!.attendeeId });
    await value('handouts.setItems', { items: [{ id: 'receiver', label: '', kind: 'numbered' }, { id: 'consent', label: 'Photo consent?', kind: 'question' }] });
    await value('handouts.give', { attendeeId: p!.attendeeId, item: 'receiver', number: '117' });
    const out = await failure('handouts.give', { attendeeId: q!.attendeeId, item: 'receiver', number: '117' });
    const number = await failure('handouts.give', { attendeeId: q!.attendeeId, item: 'receiver' });
    const answer = await failure('handouts.give', { attendeeId: q!.attendeeId, item: 'consent' });
    const unknown = await failure('handouts.give', { attendeeId: q!.attendeeId, item: 'parking' });
    const said = [collected, out, number, answer, unknown].map((e) => inEveryLanguage(() => errorText(e)));
    for (const s of said) expectTranslated(s);
    for (const l of LANGS) expect(new Set(said.map((s) => s[l])).size, l).toBe(5);
    // The station's name, the number and the time travel as they are.
    for (const l of LANGS) expect(said[0]![l]).toContain('North door');
    for (const l of LANGS) expect(said[1]![l]).toMatch(/117.*\d\d:\d\d/);
  });

  it('an error with only a code is said by its code; anything else is the generic sentence, never a stack', () => {
    const internal = new ApiCallError({ code: 'internal', message: 'Something went wrong.' });
    expectTranslated(inEveryLanguage(() => errorText(internal)));
    expectTranslated(inEveryLanguage(() => errorText(new TypeError('x is undefined at foo.ts:12'))));
  });
});

describe('what this renderer does not know', () => {
  const english = 'A sentence from a newer station.';
  it.each<[string, unknown]>([
    ['an unknown key', { key: 'fromTheFuture' }],
    ['a prototype name', { key: '__proto__' }],
    ['a section, not a sentence', { key: '' }],
    ['no key at all', { params: { count: 2 } }],
    ['a known sentence followed by an unknown one', { key: 'paired', then: { key: 'fromTheFuture' } }],
    ['sentences chained without end', { key: 'paired', then: { key: 'paired', then: { key: 'paired', then: { key: 'paired' } } } }],
  ])('%s: the station’s English sentence', (_what, n) => {
    for (const s of Object.values(inEveryLanguage(() => stationText({ message: english, notice: n as Notice })))) expect(s).toBe(english);
    const err = new ApiCallError({ code: 'from_the_future', message: english, notice: n as Notice });
    for (const s of Object.values(inEveryLanguage(() => errorText(err)))) expect(s).toBe(english);
  });
});

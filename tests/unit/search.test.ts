// Front-desk name search against a real station database (demo event + a few people with
// the names volunteers get wrong): any spelling, any script, family name first, as you type.
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeSearchText, parseQuery } from '../../core/search/keys';
import { upsertAttendees, upsertBadgeCodes, type AttendeeInsert } from '../../db/attendees';
import { attendees } from '../../db/schema/index';
import { repairSearchIndex, searchAttendees } from '../../db/search';
import { checkInAttendee } from '../../station/checkin';
import { createHandlers, dispatch } from '../../station/handlers/index';
import type { Station } from '../../station/station';
import { freshStation } from '../helpers/station';
import { loadEventBundle } from '../../db/event-bundle';
import { generateDemoEvent } from '../../resources/demo/generate';

let station: Station;
const ids: Record<string, string> = {};

function person(key: string, p: Partial<AttendeeInsert> & { givenName: string; familyName: string }): AttendeeInsert {
  ids[key] = crypto.randomUUID();
  return { id: ids[key]!, organisation: '', delegation: '', category: 'ngo', ...p };
}

beforeEach(() => {
  ({ station } = freshStation());
  upsertAttendees(station.db.orm, [
    person('mueller', { givenName: 'Anneliese', familyName: 'Müller', organisation: 'Caritas Wien', delegation: 'Austria' }),
    person('mueller2', { givenName: 'Hans', familyName: 'Mueller', organisation: 'Swiss Red Cross' }),
    person('lukasz', { givenName: 'Łukasz', familyName: 'Brzęczyszczykiewicz', delegation: 'Poland', category: 'delegation' }),
    person('ivanov', { givenName: 'Дмитрий', familyName: 'Иванов', delegation: 'Russian Federation', category: 'delegation' }),
    person('ivanovLatin', { givenName: 'Oleg', familyName: 'Ivanov', organisation: 'IOM' }),
    person('eleni', { givenName: 'Ελένη', familyName: 'Ζαχαρίου', delegation: 'Greece', category: 'delegation' }),
    person('ioannou', { givenName: 'Ευάγγελος', familyName: 'Ιωάννου', delegation: 'Cyprus', category: 'delegation' }),
    person('ahmed', { givenName: 'أحمد', familyName: 'الزهراني', organisation: 'منظمة الأمل' }),
    person('sato', { givenName: '花子', familyName: '佐藤', organisation: 'JICA' }),
    person('kim', { givenName: '민준', familyName: '김', category: 'media' }),
    person('li', { givenName: 'Wei', familyName: 'Li', organisation: 'UNODC', category: 'io' }),
    person('lisbeth', { givenName: 'Lisbeth', familyName: 'Andersson', organisation: 'Linköping University' }),
    person('obrien', { givenName: 'Siobhán', familyName: "O'Brien", organisation: 'Irish Aid' }),
    person('annaLena', { givenName: 'Anna-Lena', familyName: 'Schröder', organisation: 'Müller Stiftung' }),
  ]);
  upsertBadgeCodes(station.db.orm, [{ code: 'T99-SEARCH7', attendeeId: ids.li!, badgeVersion: 1 }]);
});
afterEach(() => station.close());

const find = (q: string, limit = 20) => searchAttendees(station.db.orm, q, limit).map((r) => r.attendee.id);

describe('any spelling, any script', () => {
  it.each([
    ['Mueller', 'mueller'],
    ['MULLER', 'mueller'],
    ['müller', 'mueller'],
    ['Müller', 'mueller2'],
    ['Lukasz', 'lukasz'],
    ['ŁUKASZ', 'lukasz'],
    ['Brzeczyszczykiewicz', 'lukasz'],
    ['Ivanov', 'ivanov'],
    ['Иванов', 'ivanovLatin'],
    ['иванов', 'ivanov'],
    ['Eleni', 'eleni'],
    ['ελενη', 'eleni'],
    ['Zachariou', 'eleni'],
    ['Zahariou', 'eleni'],
    ['Ioannou', 'ioannou'],
    ['Evangelos', 'ioannou'],
    ['أحمد', 'ahmed'],
    ['احمد', 'ahmed'], // written without the hamza
    ['الزهراني', 'ahmed'],
    ['佐藤', 'sato'],
    ['佐藤花子', 'sato'],
    ['花子', 'sato'],
    ['김민준', 'kim'],
    ['OBrien', 'obrien'],
    ["o'brien", 'obrien'],
    ['Siobhan', 'obrien'],
    ['annalena', 'annaLena'],
    ['Anna Lena Schroder', 'annaLena'],
  ])('"%s" finds %s', (query, who) => {
    expect(find(query, 100)).toContain(ids[who]);
  });

  it('finds people by organisation and delegation', () => {
    expect(find('caritas wien')).toEqual([ids.mueller]);
    expect(find('Irish Aid')).toEqual([ids.obrien]);
    expect(find('Russian Federation')).toContain(ids.ivanov);
    expect(find('منظمة')).toContain(ids.ahmed);
  });

  it('a native-script query does not drag in every Latin name its transliteration starts with', () => {
    const hits = searchAttendees(station.db.orm, 'أحمد', 50).map((r) => r.attendee);
    expect(hits.length).toBeGreaterThan(0);
    for (const a of hits) expect(`${a.givenName} ${a.familyName} ${a.organisation}`).toMatch(/[\u0600-\u06ff]/);
  });

  it('every hit of a multi-word query matches every word', () => {
    const hits = searchAttendees(station.db.orm, 'anneliese mul', 50);
    expect(hits.map((h) => h.attendee.id)).toEqual([ids.mueller]);
  });

  it('finds nobody for a name nobody has', () => {
    expect(find('Qwxzyk')).toEqual([]);
    expect(find('   ')).toEqual([]);
  });
});

describe('as you type', () => {
  it('every prefix of the family name keeps the person in the results', () => {
    for (const q of ['S', 'Sc', 'Sch', 'Schr', 'Schro', 'Schroe', 'Schroed', 'Schröder']) {
      const hits = searchAttendees(station.db.orm, `Anna ${q}`, 20).map((r) => r.attendee.id);
      expect(hits, q).toContain(ids.annaLena);
    }
    for (const q of ['Iv', 'Iva', 'Иван', 'Ива']) expect(find(q, 100), q).toContain(ids.ivanov);
  });
});

describe('ranking', () => {
  it('an exact family name comes before longer family names, then given names', () => {
    const hits = searchAttendees(station.db.orm, 'Li', 100).map((h) => h.attendee);
    // By family-name word: 'Li', 'بن علي' (Ali, any-ascii "ly") are exact; Lindqvist a prefix.
    const kind = (a: (typeof hits)[number]) => {
      const family = decodeSearchText(a.searchText).family;
      return family.includes('li') ? 0 : family.some((t) => t.startsWith('li')) ? 1 : 2;
    };
    expect(hits.slice(0, 3).map(kind)).toEqual([0, 0, 0].slice(0, Math.min(3, hits.filter((a) => kind(a) === 0).length)));
    expect(hits.filter((a) => kind(a) === 0).map((a) => a.id)).toContain(ids.li);
    const kinds = hits.map(kind);
    expect([...kinds].sort()).toEqual(kinds); // never a given-name match above a family-name match
    expect(kinds).toContain(2); // Lisbeth is there, below the family names
  });

  it('the family name Müller ranks before an organisation called Müller', () => {
    const hits = searchAttendees(station.db.orm, 'Müller', 200).map((r) => r.attendee.id);
    expect(hits).toContain(ids.annaLena); // "Müller Stiftung"
    expect(hits.indexOf(ids.mueller!)).toBeLessThan(hits.indexOf(ids.annaLena!));
    expect(hits.indexOf(ids.mueller2!)).toBeLessThan(hits.indexOf(ids.annaLena!));
  });

  it('given + family beats family alone', () => {
    expect(find('Hans Müller')[0]).toBe(ids.mueller2);
    expect(find('Müller Anneliese')[0]).toBe(ids.mueller);
  });

  it('a typed badge code goes straight to its owner', () => {
    expect(find('t99-search7')[0]).toBe(ids.li);
    expect(find('T99-SEA')).toContain(ids.li);
  });
});

describe('the index follows the attendee list', () => {
  it('a renamed person is found by the new name only; a deleted one not at all', () => {
    upsertAttendees(station.db.orm, [{ id: ids.mueller!, givenName: 'Anneliese', familyName: 'Gruenberg', category: 'ngo', organisation: 'Caritas Wien' }]);
    expect(find('Grünberg')).toEqual([ids.mueller]);
    expect(find('Anneliese Müller')).not.toContain(ids.mueller);
    station.db.orm.delete(attendees).where(eq(attendees.id, ids.obrien!)).run();
    expect(find("O'Brien")).not.toContain(ids.obrien);
  });

  it('repairs rows written without search keys and lost triggers', () => {
    expect(find('Weisskopf')).toEqual([]); // the once-per-connection check has run
    station.db.sqlite.exec('DROP TRIGGER attendees_fts_ai');
    station.db.sqlite
      .prepare("INSERT INTO attendees (id, given_name, family_name, category) VALUES (?, 'Jürgen', 'Weißkopf', 'staff')")
      .run('raw-insert-1');
    expect(find('Weisskopf')).toEqual([]);
    const repair = repairSearchIndex(station.db.orm);
    expect(repair).toMatchObject({ recomputed: 1, triggersRestored: 1, rebuilt: true });
    expect(find('Weisskopf')).toEqual(['raw-insert-1']);
    // The restored trigger keeps later inserts in step.
    upsertAttendees(station.db.orm, [person('later', { givenName: 'Zoë', familyName: 'Ødegård' })]);
    expect(find('Zoe Odegard')).toEqual([ids.later]);
  });

  it('a key-rule migration (every key blanked) is repaired in bulk, and the index keeps following writes', () => {
    find('x'); // the once-per-connection check has run
    station.db.sqlite.exec("UPDATE attendees SET search_text = ''");
    expect(find('Mueller')).toEqual([]);
    const repair = repairSearchIndex(station.db.orm, { bulkAbove: 10 });
    expect(repair.recomputed).toBe(station.db.sqlite.prepare('SELECT count(*) AS n FROM attendees').pluck().get());
    expect(repair.rebuilt).toBe(true);
    expect(find('Mueller')).toContain(ids.mueller);
    expect(find('佐藤花子')).toContain(ids.sato);
    // The update trigger that the bulk path set aside is back.
    upsertAttendees(station.db.orm, [{ id: ids.sato!, givenName: '花子', familyName: '鈴木', category: 'ngo' }]);
    expect(find('鈴木花子')).toContain(ids.sato);
    expect(find('佐藤花子')).not.toContain(ids.sato);
  });

  it('odd input is never read as FTS syntax', () => {
    for (const q of ['"', 'a AND', 'NEAR(x y)', '*', 'müller OR', '{family}: x', '^li', '-', "'", 'a"b*c', '\u0000'.repeat(3), 'x'.repeat(200)]) {
      expect(() => searchAttendees(station.db.orm, q), q).not.toThrow();
    }
  });
});

describe('Cyrillic names in every published romanisation (#13.6)', () => {
  // Each spelling is what one system writes for the registered name: ICAO 9303 (passports),
  // BGN/PCGN, GOST 7.79 B, ISO 9, German (Duden), French, Ukrainian national, or the common
  // English form — and what people then type. Julia is the glide-folded Yulia/Julija.
  beforeEach(() => {
    upsertAttendees(station.db.orm, [
      person('yulia', { givenName: 'Юлия', familyName: 'Соколова', delegation: 'Russian Federation', category: 'delegation' }),
      person('khrushchev', { givenName: 'Никита', familyName: 'Хрущёв', organisation: 'Archive' }),
      person('tchaikovsky', { givenName: 'Пётр', familyName: 'Чайковский', organisation: 'Conservatory' }),
      person('hryhorenko', { givenName: 'Олександр', familyName: 'Григоренко', delegation: 'Ukraine', category: 'delegation' }),
      person('zhukov', { givenName: 'Георгий', familyName: 'Жуков', organisation: 'OSCE' }),
      person('djokovic', { givenName: 'Новак', familyName: 'Ђоковић', delegation: 'Serbia', category: 'delegation' }),
    ]);
  });

  it.each([
    ['Julia', 'yulia'], ['Yulia', 'yulia'], ['Yuliya', 'yulia'], ['Iuliia', 'yulia'], ['Julija', 'yulia'], ['Ioulia', 'yulia'], ['Ûliâ', 'yulia'],
    ['Julia Sokolova', 'yulia'], ['Sokolova', 'yulia'], ['Sokolowa', 'yulia'],
    ['Khrushchev', 'khrushchev'], ['Khrushchyov', 'khrushchev'], ['Chruschtschow', 'khrushchev'], ['Khrouchtchev', 'khrushchev'], ['Hruŝëv', 'khrushchev'], ['Nikita Hrushchev', 'khrushchev'],
    ['Tchaikovsky', 'tchaikovsky'], ['Chaykovskiy', 'tchaikovsky'], ['Tschaikowski', 'tchaikovsky'], ['Čajkovskij', 'tchaikovsky'], ['Pyotr', 'tchaikovsky'], ['Pjotr', 'tchaikovsky'],
    ['Hryhorenko', 'hryhorenko'], ['Grigorenko', 'hryhorenko'], ['Oleksandr', 'hryhorenko'],
    ['Zhukov', 'zhukov'], ['Joukov', 'zhukov'], ['Schukow', 'zhukov'], ['Žukov', 'zhukov'], ['Georgii', 'zhukov'], ['Georgiy', 'zhukov'],
    ['Djokovic', 'djokovic'], ['Đoković', 'djokovic'], ['Dokovic', 'djokovic'],
  ])('"%s" finds %s', (query, who) => {
    expect(find(query, 100)).toContain(ids[who]);
  });

  it('Julia also finds a Yulia registered in Latin letters', () => {
    upsertAttendees(station.db.orm, [person('yuliaLatin', { givenName: 'Yulia', familyName: 'Petrova' })]);
    expect(find('Julia Petrova')).toEqual([ids.yuliaLatin]);
  });

  it('a romanisation never matches a different name', () => {
    for (const q of ['Sokolov Ivan', 'Khrushchenko', 'Zhukovsky', 'Julian']) expect(find(q, 100), q).not.toContain(ids.yulia);
    expect(find('Julian', 100)).not.toContain(ids.yulia);
  });

  it('an index built by older key rules is rebuilt on the next start', () => {
    find('x'); // the once-per-connection check ran
    // An older database: its keys lack the new romanisations and it records no key version.
    station.db.sqlite.prepare("UPDATE attendees SET search_text = 'sokolova|iulia|' WHERE id = ?").run(ids.yulia);
    station.db.sqlite.exec("DELETE FROM settings WHERE key = 'search.keyVersion'");
    expect(find('Chruschtschow')).toContain(ids.khrushchev);
    const repair = repairSearchIndex(station.db.orm);
    expect(repair.rebuilt).toBe(true);
    expect(find('Sokolowa')).toContain(ids.yulia);
    expect(repairSearchIndex(station.db.orm)).toMatchObject({ recomputed: 0, rebuilt: false });
  });
});

describe('the result list (#13.6)', () => {
  const handlers = createHandlers();
  const search = async (query: string, limit = 8) => {
    const r = await dispatch(handlers, station, 'attendees.search', { query, limit });
    if (!r.ok) throw new Error(r.error.message);
    return r.value as { hits: { id: string; latinName: string | null; badgeCode: string | null }[]; more: number };
  };

  it('shows the Latin (passport) reading beside a Cyrillic or Greek name, none beside a Latin one', async () => {
    upsertAttendees(station.db.orm, [person('sokolov', { givenName: 'Иван', familyName: 'Соколов' })]);
    const r = await search('Sokolov');
    expect(r.hits.find((h) => h.id === ids.sokolov)?.latinName).toBe('Ivan Sokolov');
    expect((await search('Ivanov')).hits.find((h) => h.id === ids.ivanov)?.latinName).toBe('Dmitrii Ivanov');
    expect((await search('Eleni')).hits.find((h) => h.id === ids.eleni)?.latinName).toBe('Eleni Zachariou');
    expect((await search('Mueller')).hits.every((h) => h.latinName === null)).toBe(true);
    // No invented reading for scripts whose reading depends on the language.
    expect((await search('佐藤')).hits.find((h) => h.id === ids.sato)?.latinName).toBeNull();
  });

  it('gives each hit its current badge code, so two people with the same name can be told apart', async () => {
    upsertAttendees(station.db.orm, [
      person('twinA', { givenName: 'Maria', familyName: 'Novak', organisation: 'UNHCR' }),
      person('twinB', { givenName: 'Maria', familyName: 'Novak', organisation: 'UNHCR' }),
    ]);
    upsertBadgeCodes(station.db.orm, [
      { code: 'T99-TWINAA', attendeeId: ids.twinA!, badgeVersion: 1 },
      { code: 'T99-TWINBB', attendeeId: ids.twinB!, badgeVersion: 1 },
    ]);
    const r = await search('Maria Novak');
    expect(r.hits.map((h) => h.badgeCode).sort()).toEqual(['T99-TWINAA', 'T99-TWINBB']);
  });

  it('says how many more match when the list is cut at 8', async () => {
    upsertAttendees(station.db.orm, Array.from({ length: 20 }, (_, i) => person(`many${i}`, { givenName: `Person${i}`, familyName: 'Vielnamig' })));
    const r = await search('Vielnamig');
    expect(r.hits).toHaveLength(8);
    expect(r.more).toBe(12);
    expect((await search('Vielnamig Person1')).more).toBe(3); // Person1 and Person10…19: 11 match
    expect((await search('Vielnamig Person15')).more).toBe(0);
  });
});

describe("'attendees.search' over the station API", () => {
  it('shows category and today’s check-in state, and validates input', async () => {
    const now = Date.parse(`${station.eventInfo().days[0]}T09:00:00Z`);
    const handlers = createHandlers({ now: () => now });
    checkInAttendee(station, ids.li!, now);
    const res = await dispatch(handlers, station, 'attendees.search', { query: 'li wei' });
    expect(res.ok).toBe(true);
    const hit = (res.ok ? (res.value as { hits: { id: string; categoryLabel: string; checkedInToday: boolean; checkedInAt: number | null }[] }).hits : [])[0]!;
    expect(hit).toMatchObject({ id: ids.li, categoryLabel: 'International organisation', checkedInToday: true, checkedInAt: now });
    const other = await dispatch(handlers, station, 'attendees.search', { query: 'Andersson' });
    expect(other.ok && (other.value as { hits: { checkedInToday: boolean }[] }).hits[0]?.checkedInToday).toBe(false);
    const bad = await dispatch(handlers, station, 'attendees.search', { query: 'x'.repeat(500) });
    expect(bad.ok).toBe(false);
  });
});

describe('query parsing', () => {
  it('keeps at most six words and drops punctuation', () => {
    expect(parseQuery('a b c d e f g h').length).toBe(6);
    expect(parseQuery('  ,;  ')).toEqual([]);
  });
});

describe('protected people at the desk (#16, docs/safeguarding.md)', () => {
  const handlers = createHandlers();
  const search = async (query: string) => {
    const r = await dispatch(handlers, station, 'attendees.search', { query, limit: 8 });
    if (!r.ok) throw new Error(r.error.message);
    return r.value as { hits: { id: string; givenName: string; familyName: string; protected: boolean; chosenName: string }[] };
  };

  it('finds a protected person by the name they go by and by their legal name; the hit carries the marker', async () => {
    upsertAttendees(station.db.orm, [person('amina', { givenName: 'Amina', familyName: 'Haddad', protected: true, chosenName: 'Noor' })]);
    for (const q of ['Noor', 'Amina Haddad', 'Haddad', 'Noor Hadd']) expect(find(q), q).toContain(ids.amina);
    const hit = (await search('Noor')).hits.find((h) => h.id === ids.amina)!;
    // The desk identifies people: it sees the legal name, marked, with the name to use aloud.
    expect(hit).toMatchObject({ givenName: 'Amina', familyName: 'Haddad', protected: true, chosenName: 'Noor' });
  });

  it('a chosen name given (or changed) later is found, and an index built before chosen names were searchable is rebuilt', () => {
    upsertAttendees(station.db.orm, [person('amina', { givenName: 'Amina', familyName: 'Haddad' })]);
    expect(find('Noor')).not.toContain(ids.amina);
    upsertAttendees(station.db.orm, [{ id: ids.amina!, givenName: 'Amina', familyName: 'Haddad', organisation: '', delegation: '', category: 'ngo', protected: true, chosenName: 'Noor' }]);
    expect(find('Noor')).toContain(ids.amina);
    upsertAttendees(station.db.orm, [{ id: ids.amina!, givenName: 'Amina', familyName: 'Haddad', organisation: '', delegation: '', category: 'ngo', protected: true, chosenName: 'Rain' }]);
    expect(find('Rain')).toContain(ids.amina);
    expect(find('Noor')).not.toContain(ids.amina);
    // A station database from before: keys without the chosen name, an older key version.
    station.db.sqlite.prepare("UPDATE attendees SET search_text = 'haddad|amina|' WHERE id = ?").run(ids.amina);
    station.db.sqlite.exec("UPDATE settings SET value = '2' WHERE key = 'search.keyVersion'");
    repairSearchIndex(station.db.orm);
    expect(find('Rain')).toContain(ids.amina);
  });
});

describe('a whole event loaded at once', () => {
  it('finds everyone it loaded, and people stored afterwards', () => {
    // loadEventBundle (the demo, tests, benchmarks) builds the name index once after the rows.
    const { station: s } = freshStation({ demo: false });
    const bundle = generateDemoEvent('2026-04-18', { attendees: 300, seed: 5 });
    s.write(() => loadEventBundle(s.db.orm, bundle, 0));
    // Whole as loaded, before any search could repair it (db/search.ts ensureSearchIndex), with its trigger back.
    const n = (q: string) => (s.db.sqlite.prepare(q).get() as { n: number }).n;
    expect(n('select count(*) as n from attendees_fts_docsize')).toBe(n('select count(*) as n from attendees'));
    expect(n("select count(*) as n from sqlite_master where type = 'trigger' and name = 'attendees_fts_ai'")).toBe(1);
    for (const a of [bundle.attendees[0]!, bundle.attendees[150]!, bundle.attendees[299]!]) {
      expect(searchAttendees(s.db.orm, `${a.familyName} ${a.givenName}`, 100).map((h) => h.attendee.id)).toContain(a.id);
    }
    s.write(() => upsertAttendees(s.db.orm, [{ id: 'late-1', givenName: 'Zebulon', familyName: 'Quackenbush', organisation: '', delegation: '', category: 'ngo' }]));
    expect(searchAttendees(s.db.orm, 'Quackenbush').map((h) => h.attendee.id)).toEqual(['late-1']);
    s.close();
  });
});

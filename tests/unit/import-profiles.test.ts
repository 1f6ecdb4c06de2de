// Registration exports imported as exported, with no flags: each source's own file (built in
// tests/fixtures/import/generate.ts from the exporters' code) is recognised by its headers,
// every column that matters is found, and statuses, categories, countries, ids and badge codes
// come out as the desk needs them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFileImport, type ImportOptions } from '../../registry/import';

const dir = path.resolve(__dirname, '../fixtures/import');
const importFile = (name: string, o: Partial<ImportOptions> = {}) =>
  parseFileImport(fs.readFileSync(path.join(dir, name)), { format: name.endsWith('.xlsx') ? 'xlsx' : 'csv', mapping: {}, mode: 'all', dryRun: false, ...o });
const people = (r: ReturnType<typeof importFile>) => Object.fromEntries(r.records.map((a) => [a.id, a]));

describe('Indico registrants', () => {
  it('CSV (BOM, CRLF, quoted commas and quotes): ids, split names, affiliation, country names → ISO, states, accompanying persons', () => {
    const r = importFile('indico-registrants.csv');
    expect(r.report).toMatchObject({ profile: 'indico', errors: [] });
    expect(r.report.mapping).toMatchObject({ id: 'ID', givenName: 'First Name', familyName: 'Last Name', organisation: 'Affiliation', country: 'Country', status: 'Registration state' });
    const p = people(r);
    expect(p['1']).toMatchObject({ givenName: 'Zoë', familyName: 'Ñúñez', organisation: 'Ministry of Foreign Affairs, Spain', country: 'ES', status: 'active', category: 'delegation' });
    expect(p['2']).toMatchObject({ givenName: 'Алексей', country: 'RU' });
    expect(p['3']).toMatchObject({ givenName: '伟', familyName: '李', status: 'pending' }); // Pending = awaiting approval
    expect(p['5']).toMatchObject({ status: 'cancelled', category: 'media' }); // Withdrawn; tag "Press"
    expect(p['6']).toMatchObject({ status: 'rejected', country: '', delegation: 'Atlantis' }); // unknown country kept as text, not upper-cased
    expect(p['7']).toMatchObject({ status: 'active', country: 'KZ' }); // Indico admits "Awaiting payment"
    expect(p['8']).toMatchObject({ givenName: 'Seán "Red"', familyName: "O'Brien" });
    // Accompanying persons are persons of their own.
    expect(p['4-acc-1']).toMatchObject({ givenName: 'Leyla Ahmed', country: 'TR', status: 'active' });
    expect(p['4-acc-2']).toMatchObject({ givenName: 'Omar Ahmed' });
    expect(r.report.warnings.map((w) => w.reason).join('\n')).toMatch(/"Atlantis" \(1 row\) is not a country Foyer knows/);
  });

  it('XLSX from a German-speaking manager: own field titles, German states and country names', () => {
    const r = importFile('indico-registrants-de.xlsx');
    expect(r.report).toMatchObject({ profile: 'indico', errors: [] });
    expect(r.report.mapping).toMatchObject({ givenName: 'Vorname', familyName: 'Nachname', organisation: 'Organisation', country: 'Land' });
    const p = people(r);
    expect([p['1']!.country, p['2']!.country, p['4']!.country, p['5']!.country]).toEqual(['ES', 'RU', 'TR', 'AT']);
    expect([p['1']!.status, p['3']!.status, p['5']!.status, p['6']!.status, p['7']!.status]).toEqual(['active', 'pending', 'cancelled', 'rejected', 'active']);
    expect(r.report.warnings.map((w) => w.reason).join('\n')).toMatch(/No category for 8 rows: imported as participant/);
  });
});

describe('pretix order positions', () => {
  const expectPretix = (r: ReturnType<typeof importFile>, split: boolean) => {
    expect(r.report).toMatchObject({ profile: 'pretix', errors: [] });
    const p = people(r);
    expect(Object.keys(p).sort()).toEqual(['A7K3Q-1', 'B2M9T-1', 'C5R1W-1', 'D8X4Z-1', 'E3P6L-1']); // order code + position; the add-on is no person
    expect(p['A7K3Q-1']).toMatchObject({ country: 'UA', category: 'delegation', status: 'active', badgeCodes: ['v8q2kd7s9xzm3h5f0pw1ry6tbn4ecj2a'], organisation: 'Ministry of Foreign Affairs of Ukraine' });
    expect(p['B2M9T-1']).toMatchObject({ category: 'media', organisation: 'NRK, Oslo' }); // product "Press pass"
    expect(p['C5R1W-1']).toMatchObject({ category: 'ngo', status: 'unpaid' }); // variation; pending order = not paid
    expect(p['D8X4Z-1']).toMatchObject({ category: 'speaker', status: 'cancelled' });
    if (split) expect(p['B2M9T-1']).toMatchObject({ givenName: 'Lars', familyName: 'Øvergård' });
    else expect(p['B2M9T-1']).toMatchObject({ givenName: 'Lars Øvergård', familyName: '' });
  };
  it('CSV with commas (every text quoted), name scheme with given and family name', () => expectPretix(importFile('pretix-positions.csv'), true));
  it('German CSV with semicolons and decimal commas, single-field name scheme', () => expectPretix(importFile('pretix-positions-de-semicolon.csv'), false));
  it('multi-sheet XLSX: the "Order positions" sheet is chosen by its headers although "Orders" comes first', () => {
    const r = importFile('pretix-orders.xlsx');
    expect(r.report.sheet).toBe('Order positions');
    expectPretix(r, true);
    expect(r.report.warnings[0]?.reason).toMatch(/Read sheet "Order positions" \(the workbook has "Orders", "Order positions", "Order fees"\)/);
  });
  it('--category-rule maps a product, --sheet picks another sheet, --map still overrides', () => {
    const r = importFile('pretix-positions.csv', { categoryRules: ['Conference ticket – Speaker=staff'], mapping: { organisation: 'Attendee email' } });
    expect(people(r)['E3P6L-1']).toMatchObject({ category: 'staff', organisation: '' });
    const orders = importFile('pretix-orders.xlsx', { sheet: 'Orders' });
    expect(orders.report.sheet).toBe('Orders');
  });
});

describe('Eventbrite and Cvent', () => {
  it('Eventbrite attendee report: Attendee # is the id, Attending/Checked In admitted, Not Attending not', () => {
    const r = importFile('eventbrite-attendees.csv');
    expect(r.report).toMatchObject({ profile: 'eventbrite', errors: [] });
    const p = people(r);
    expect(p['12834759201']).toMatchObject({ givenName: 'María José', familyName: 'García López', status: 'active', category: 'ngo', country: 'ES' });
    expect(p['12834759202']).toMatchObject({ status: 'active', category: 'media', country: 'GH' });
    expect(p['12834759203']).toMatchObject({ status: 'cancelled' });
    expect(p['12834759204']).toMatchObject({ country: 'RU', category: 'participant' });
  });

  it('Cvent registration report: title lines above the header, statuses, own-language country names', () => {
    const r = importFile('cvent-registrations.xlsx');
    expect(r.report).toMatchObject({ profile: 'cvent', errors: [] });
    const p = people(r);
    expect(p['KZ7XQ4M2P1']).toMatchObject({ givenName: 'Ержан', country: 'KZ', category: 'delegation', status: 'active' });
    expect(p['KZ7XQ4M2P3']).toMatchObject({ category: 'io', status: 'pending', country: 'TR' });
    expect([p['KZ7XQ4M2P4']!.status, p['KZ7XQ4M2P5']!.status, p['KZ7XQ4M2P6']!.status]).toEqual(['waitlisted', 'rejected', 'cancelled']);
    expect([p['KZ7XQ4M2P4']!.country, p['KZ7XQ4M2P5']!.country, p['KZ7XQ4M2P6']!.country]).toEqual(['FI', 'CZ', 'UA']);
  });

  it('a generic German sheet with semicolons and no id column', () => {
    const r = importFile('generic-de.csv');
    expect(r.report).toMatchObject({ profile: 'generic', errors: [] });
    expect(r.records.map((a) => [a.givenName, a.country, a.category, a.organisation])).toEqual([
      ['Karin', 'AT', 'delegation', 'Bundesministerium für Inneres'],
      ['Giorgi', 'GE', 'ngo', 'Transparency International; Georgia'],
      ['Maja', 'HR', 'media', 'HRT'],
    ]);
  });
});

describe('unknown words are loud, never guessed into admission', () => {
  it('a status nobody knows is not admitted and the warning says how to map it; --status-rule maps it', () => {
    const csv = 'ID,First name,Last name,Status\r\n1,Ana,Ruiz,Bozza\r\n2,Bo,Kim,Bozza\r\n';
    const opts = { format: 'csv' as const, mapping: {}, mode: 'all' as const, dryRun: false };
    const r = parseFileImport(Buffer.from(csv), opts);
    expect(r.records.map((a) => a.status)).toEqual(['pending', 'pending']);
    expect(r.report.warnings.map((w) => w.reason)).toContainEqual(expect.stringMatching(/Status "Bozza" \(2 rows\) is not understood.*--status-rule "Bozza=active"/));
    expect(parseFileImport(Buffer.from(csv), { ...opts, statusRules: ['Bozza=active'] }).records.map((a) => a.status)).toEqual(['active', 'active']);
  });

  it('"Name" beside "Surname" is the given name; Excel\'s "sep=;" line names the delimiter', () => {
    const opts = { format: 'csv' as const, mapping: {}, mode: 'all' as const, dryRun: false };
    const a = parseFileImport(Buffer.from('Name,Surname,Organisation\r\nAna,Ruiz,"OSCE, Vienna"\r\n'), opts);
    expect(a.records.map((r) => [r.givenName, r.familyName, r.organisation])).toEqual([['Ana', 'Ruiz', 'OSCE, Vienna']]);
    const b = parseFileImport(Buffer.from('sep=;\r\nFirst name;Last name;Country\r\nLi;Wei, Jr.;China\r\n'), opts);
    expect(b.records.map((r) => [r.givenName, r.familyName, r.country])).toEqual([['Li', 'Wei, Jr.', 'CN']]);
  });
});

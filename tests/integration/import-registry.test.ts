// The registry imports registration exports as exported, through the real CLI with no flags:
// it says which source it recognised and which columns it used, importing again updates the
// same people instead of adding them twice, and /v1/health keeps answering quickly while a
// large file is read (the reading happens in a worker thread).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRegistryProc, type RegistryProc } from '../../testkit/registry-proc';
import { tempDir } from '../../testkit/temp';

const fixtures = path.resolve(__dirname, '../fixtures/import');
let reg: RegistryProc;
beforeAll(async () => {
  reg = await startRegistryProc({ dataDir: tempDir('foyer-import-reg-') });
}, 120_000);
afterAll(async () => reg?.kill());

async function cli(...args: string[]): Promise<{ stdout: string; code: number }> {
  try {
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'registry/admin-cli.ts', '--url', reg.url, '--token', reg.adminToken, ...args], { encoding: 'utf8', maxBuffer: 16 << 20 });
    return { stdout, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; code: number };
    return { stdout: e.stdout, code: e.code };
  }
}

type Row = { id: string; givenName: string; status: string; category: string; country: string; badgeCodes: string[] };
const attendees = async (q: string) => reg.admin<Row[]>('GET', `/v1/admin/attendees?q=${encodeURIComponent(q)}&limit=1000`);

describe('import FILE with no flags', () => {
  it.each([
    ['indico-registrants.csv', 'Indico registrants', /givenName\s+← First Name/],
    ['pretix-orders.xlsx', 'pretix order positions — sheet "Order positions"', /badgeCode\s+← Ticket secret/],
    ['pretix-positions-de-semicolon.csv', 'pretix order positions', /orderCode\s+← Bestellnummer/],
    ['eventbrite-attendees.csv', 'Eventbrite attendee report', /id\s+← Attendee #/],
    ['cvent-registrations.xlsx', 'Cvent registration report', /status\s+← Registration Status/],
    ['generic-de.csv', 'spreadsheet (generic)', /country\s+← Land/],
  ])('%s: prints the source and the columns it used, and imports', async (file, label, column) => {
    const r = await cli('import', path.join(fixtures, file));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Recognised: ${label}`);
    expect(r.stdout).toMatch(column);
    expect(r.stdout).toMatch(/Imported \d+ people/);
  }, 60_000);

  it('importing again updates the same people in place (a changed state included), never duplicates', async () => {
    const before = await attendees('Kovalenko');
    expect(before).toHaveLength(1);
    const csv = fs.readFileSync(path.join(fixtures, 'pretix-positions.csv'), 'utf8').replace('"A7K3Q",1,"paid"', '"A7K3Q",1,"canceled"');
    const changed = path.join(tempDir('foyer-import-again-'), 'orders.csv');
    fs.writeFileSync(changed, csv);
    expect((await cli('import', changed)).code).toBe(0);
    const after = await attendees('Kovalenko');
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: 'A7K3Q-1', status: 'cancelled' });
    // The German export of the same orders is the same people too.
    expect(await attendees('Øvergård')).toHaveLength(1);
  }, 60_000);
});

describe('a large import does not stall the registry', () => {
  // The machine is shared (2 cores, several test runs at once): the bound is on 95 % of answers,
  // and no answer may wait seconds (the registry used to stall ~6 s while storing an import).
  it('/v1/health answers in under 100 ms during a 30,000-row import (95 % of answers; none stalled for seconds)', async () => {
    const lines = ['Registration ID,First name,Last name,Organisation,Country,Category'];
    for (let i = 0; i < 30_000; i++) lines.push(`big-${i},Given${i},"Family, ${i}",Org ${i % 97},${['Austria', 'Россия', 'Україна', 'FR'][i % 4]},NGO`);
    const file = path.join(tempDir('foyer-import-big-'), 'big.csv');
    fs.writeFileSync(file, lines.join('\r\n'));
    let done = false;
    const slow: number[] = [];
    let samples = 0;
    let worst = 0;
    const all: number[] = [];
    const probe = (async () => {
      while (!done) {
        const t0 = performance.now();
        const res = await fetch(`${reg.url}/v1/health`);
        await res.json();
        const ms = performance.now() - t0;
        samples++;
        if (ms >= 100) slow.push(Math.round(ms));
        if (ms > worst) worst = ms;
        all.push(ms);
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    const r = await cli('import', file);
    done = true;
    await probe;
    expect(r.stdout).toMatch(/Imported 30000 people/);
    expect(samples).toBeGreaterThan(20);
    all.sort((a, b) => a - b);
    const p95 = all[Math.floor(all.length * 0.95)]!;
    console.log(`health during import: ${samples} answers, p95 ${p95.toFixed(1)} ms, slowest ${worst.toFixed(1)} ms`);
    expect(p95).toBeLessThan(100);
    expect(worst).toBeLessThan(2500);
  }, 180_000);
});

// Printed badges, checked by independent referees: our PDFs are rasterised by
// pdftoppm, "photographed" by ImageMagick and read back by zbarimg and by Foyer's
// own decoder; the text read is then checked in at a station with no network.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSignedBadge } from '../../core/badge/signed';
import { sortForPrinting, TEMPLATE_IDS, type BadgePrint } from '../../core/badge/templates';
import { trustedPublicKey } from '../../db/badges';
import { attendees, badgeCodes } from '../../db/schema/index';
import { demoBadgePrints } from '../../resources/demo/badges';
import { renderBadgesPdf } from '../../node-shared/badges/pdf';
import { nodeEd25519 } from '../../node-shared/ed25519';
import { checkIn } from '../../station/checkin';
import { createHandlers, dispatch } from '../../station/handlers/index';
import { decodeQr } from '../../station/qr/node-decoder';
import { readImageFile } from '../../station/qr/image-file';
import type { Station } from '../../station/station';
import { forgedBadgeFor, signedBadgeFor } from '../helpers/badges';
import { expectRevokedSentence } from '../helpers/sentences';
import { launchBrowser } from '../helpers/browser';
import { photograph, rasterise, zbarimg } from '../helpers/raster';
import { freshStation, tempDir } from '../helpers/station';
import { tool } from '../../testkit/tools';

let station: Station;
let now: number;
let work: string;

beforeAll(() => {
  ({ station } = freshStation());
  now = Date.parse(`${station.eventInfo().days[0]}T08:30:00Z`);
  work = tempDir('foyer-badge-print-');
});
afterAll(() => {
  station.close();
  // Keep a few images to look at (test-results/ is not committed), drop the rest.
  const keep = path.resolve(__dirname, '../../test-results/badges');
  fs.mkdirSync(keep, { recursive: true });
  for (const f of ['photo-0.png', 'photo-1.png', 'photo-2.png', 'scripts/scripts-1.png', 'scripts/scripts-2.png']) {
    if (fs.existsSync(path.join(work, f))) fs.copyFileSync(path.join(work, f), path.join(keep, path.basename(f)));
  }
  fs.rmSync(work, { recursive: true, force: true });
});

const call = (method: string, args: unknown, at = now) => dispatch(createHandlers({ now: () => at }), station, method, args);

function verify(text: string) {
  return readSignedBadge(text, { eventId: station.eventInfo().id, publicKey: (k) => trustedPublicKey(station.db.orm, k), ed25519: nodeEd25519 });
}

function print(b: Partial<BadgePrint> & Pick<BadgePrint, 'qrText'>): BadgePrint {
  return { attendeeId: 'x', givenName: 'Walk', familyName: 'In', organisation: 'Freelance', delegation: '', country: '', category: 'media', code: '', badgeVersion: 1, ...b };
}

/** Unicode scripts a name is written in; a character of a script not listed here fails the test. */
const SCRIPTS = ['Latin', 'Greek', 'Cyrillic', 'Armenian', 'Georgian', 'Hebrew', 'Arabic', 'Syriac', 'Thaana', 'Devanagari', 'Bengali', 'Gurmukhi', 'Gujarati', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Thai', 'Lao', 'Khmer', 'Myanmar', 'Tibetan', 'Ethiopic', 'Mongolian', 'Hangul', 'Hiragana', 'Katakana', 'Han'];
function scriptsOf(name: string): string[] {
  const out = new Set<string>();
  for (const ch of name) {
    if (/[\p{Script=Common}\p{Script=Inherited}]/u.test(ch)) continue;
    const script = SCRIPTS.find((sc) => new RegExp(`\\p{Script=${sc}}`, 'u').test(ch));
    expect(script, `a name holds ${JSON.stringify(ch)} of a script this test does not know: add it to SCRIPTS`).toBeDefined();
    out.add(script!);
  }
  return [...out];
}

/** The PDF's text layer as poppler's pdftotext reads it (an independent reader), bidi controls dropped. */
const pdfText = (file: string) => execFileSync(tool('pdftotext'), ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/[\u202a-\u202e\u2066-\u2069]/g, '');

/**
 * The given and family name are in the text layer, letter for letter (Arabic and Hebrew in
 * logical order). pdftotext puts a Thai vowel or tone mark drawn above or below its letter
 * on a line of its own, so letters are compared with the marks taken out and each mark must
 * still be there.
 */
function expectNameInTextLayer(layer: string, ...names: string[]) {
  const letters = (s: string) => s.normalize('NFC').replace(/[\p{M}\s]/gu, '');
  for (const name of names) {
    expect(letters(layer), name).toContain(letters(name));
    for (const mark of name.match(/\p{M}/gu) ?? []) expect(layer, `${name}: ${mark}`).toContain(mark);
  }
}

async function pdfToPngs(name: string, badges: BadgePrint[], template: (typeof TEMPLATE_IDS)[number], dpi = 200): Promise<string[]> {
  const file = path.join(work, `${name}.pdf`);
  fs.writeFileSync(file, await renderBadgesPdf(badges, template));
  return rasterise(file, path.join(work, name), dpi);
}

describe('the "done when" scenario: a photographed badge at a station that has never seen the attendee', () => {
  it('admits a genuine badge offline, refuses a forged and a superseded one with the right sentence', async () => {
    // Registered after this station's last sync: signed with the event key, never inserted here.
    const newcomer = crypto.randomUUID();
    expect(station.db.orm.select().from(attendees).where(eq(attendees.id, newcomer)).get()).toBeUndefined();
    const genuine = signedBadgeFor(station, { attendeeId: newcomer, category: 'speaker' });
    const forged = forgedBadgeFor(station, { attendeeId: crypto.randomUUID(), category: 'speaker' });

    // A known attendee whose badge was reprinted: the old badge is the superseded one.
    const known = station.db.orm.select().from(attendees).where(and(eq(attendees.status, 'active'), eq(attendees.notes, ''))).get()!;
    const oldText = signedBadgeFor(station, { attendeeId: known.id, category: known.category as never, validDays: known.validDays });
    const reprintAt = now - 45 * 60_000;
    expect((await call('badges.reprint', { attendeeId: known.id }, reprintAt)).ok).toBe(true);

    const [g, f, o] = await Promise.all([
      pdfToPngs('genuine', [print({ givenName: 'Ngozi', familyName: 'Okafor-Müller', qrText: genuine })], 'cr80'),
      pdfToPngs('forged', [print({ givenName: 'Ngozi', familyName: 'Okafor-Müller', qrText: forged })], 'cr80'),
      pdfToPngs('old', [print({ givenName: known.givenName, familyName: known.familyName, qrText: oldText })], 'a6'),
    ]);
    const photos = [g[0]!, f[0]!, o[0]!].map((png, i) => photograph(png, path.join(work, `photo-${i}.png`), { rotate: [17, -23, 8][i], blur: 1.2 }));

    const read = zbarimg(photos);
    expect(read).toEqual([genuine, forged, oldText]);
    for (const [i, p] of photos.entries()) expect((await decodeQr(readImageFile(p))).text, `app decoder, photo ${i}`).toBe(read[i]);

    const admitted = checkIn(station, read[0]!, now);
    expect(admitted).toMatchObject({ verdict: 'admitted', reason: 'ok_unsynced', attendee: { id: newcomer, synced: false, category: 'speaker' } });
    const refusedForged = checkIn(station, read[1]!, now);
    expect(refusedForged).toMatchObject({ verdict: 'refused', reason: 'bad_signature', message: 'This badge is not genuine (signature check failed).' });
    const refusedOld = checkIn(station, read[2]!, now);
    expect(refusedOld).toMatchObject({ verdict: 'refused', reason: 'revoked' });
    expectRevokedSentence(refusedOld.message, reprintAt, station.eventInfo().timeZone, 'reprint');
  });
});

describe('badge PDFs round-trip through independent decoders', () => {
  it('every script of the demo list, on every template: zbarimg and the app decoder read a signature-valid badge, pdftotext reads the name', async () => {
    // One attendee per writing system found in the demo's names (derived, so a script added to
    // the demo is tested too); a Latin name with diacritics stands for Latin.
    const rows = station.db.orm.select().from(attendees).where(eq(attendees.status, 'active')).all();
    const byScript = new Map<string, (typeof rows)[number]>();
    for (const a of [...rows].sort((x, y) => Number(/[À-ž]/.test(y.givenName + y.familyName)) - Number(/[À-ž]/.test(x.givenName + x.familyName)))) {
      for (const script of scriptsOf(a.givenName + a.familyName)) if (!byScript.has(script)) byScript.set(script, a);
    }
    const sample = [...byScript.values()];
    console.log(`names in ${byScript.size} scripts: ${[...byScript.keys()].join(', ')}`);
    expect(byScript.size).toBeGreaterThanOrEqual(10); // Latin, Greek, Cyrillic, Armenian, Georgian, Hebrew, Arabic, Thai, Han, Hangul
    // Each attendee through the desk's 'badges.pdf' call, the templates taken in turn.
    for (const [i, a] of sample.entries()) {
      const template = TEMPLATE_IDS[i % TEMPLATE_IDS.length]!;
      const res = await call('badges.pdf', { attendeeId: a.id, template });
      expect(res.ok, JSON.stringify(res)).toBe(true);
      if (!res.ok) continue;
      const value = res.value as { path: string; base64: string; bytes: number };
      expect(fs.readFileSync(value.path)).toEqual(Buffer.from(value.base64, 'base64'));
      const pngs = rasterise(value.path, path.join(work, `api-${template}-${i}`), 200);
      const [text] = zbarimg(pngs);
      expect(text).toBeTruthy();
      expect((await decodeQr(readImageFile(pngs[0]!))).text).toBe(text);
      const v = verify(text!);
      expect(v).toMatchObject({ ok: true, body: { attendeeId: a.id, badgeVersion: a.badgeVersion, category: a.category } });
      expectNameInTextLayer(pdfText(value.path), a.givenName, a.familyName);
    }
    // All of them on one A4 sheet pair: every QR decodes and verifies, every name is in the text layer.
    const prints = sample.map((r) =>
      print({ attendeeId: r.id, givenName: r.givenName, familyName: r.familyName, organisation: r.organisation, delegation: r.delegation, category: r.category, qrText: signedBadgeFor(station, { attendeeId: r.id, badgeVersion: r.badgeVersion, category: r.category as never, validDays: r.validDays }) }),
    );
    const pngs = await pdfToPngs('scripts', prints, 'a4-8', 150);
    const texts = zbarimg(pngs);
    expect(texts.map((t) => (verify(t) as { body?: { attendeeId: string } }).body?.attendeeId).sort()).toEqual(prints.map((p) => p.attendeeId).sort());
    const layer = pdfText(path.join(work, 'scripts.pdf'));
    for (const p of prints) expectNameInTextLayer(layer, p.givenName, p.familyName);
  });

  it('a plain code QR made by qrencode (an independent encoder) is read by both decoders and checks the person in', async () => {
    const row = station.db.orm
      .select({ code: badgeCodes.code, id: attendees.id })
      .from(badgeCodes)
      .innerJoin(attendees, eq(attendees.id, badgeCodes.attendeeId))
      .where(and(eq(attendees.status, 'active'), eq(attendees.notes, ''), eq(attendees.badgeVersion, 1)))
      .all()
      .at(-1)!;
    const png = path.join(work, 'plain.png');
    execFileSync(tool('qrencode'), ['-o', png, '-s', '6', '-l', 'M', row.code]);
    expect(zbarimg([png])).toEqual([row.code]);
    expect((await decodeQr(readImageFile(png))).text).toBe(row.code);
    expect(checkIn(station, row.code, now)).toMatchObject({ verdict: 'admitted', attendee: { id: row.id } });
  });
});

describe('batch PDF of the demo badges', () => {
  it('builds all of them sorted for pre-printing, and a sample of sheets decodes with zbarimg', async () => {
    const t0 = performance.now();
    const badges = sortForPrinting(demoBadgePrints(now));
    const file = path.join(work, 'demo-a4.pdf');
    fs.writeFileSync(file, await renderBadgesPdf(badges, 'a4-8'));
    const seconds = (performance.now() - t0) / 1000;
    console.log(`batch PDF: ${badges.length} demo badges on ${Math.ceil(badges.length / 8)} A4 sheets in ${seconds.toFixed(1)} s (${(fs.statSync(file).size / 1e6).toFixed(1)} MB)`);
    expect(badges.length).toBeGreaterThan(1150); // 1,200 generated, the cancelled ones are not printed
    // The first, a middle and the last sheet (the full set is decoded in `npm run bench -- --only badges`).
    const last = Math.ceil(badges.length / 8);
    const pages = [1, Math.floor(last / 2), last];
    const pngs = pages.flatMap((p) => rasterise(file, path.join(work, `demo-${p}`), 150, { first: p, last: p }));
    const read = zbarimg(pngs);
    const expected = pages.flatMap((p) => badges.slice((p - 1) * 8, p * 8).map((b) => b.qrText));
    expect(read.sort()).toEqual(expected.sort());
    for (const t of read) expect(verify(t)?.ok).toBe(true); // the demo key is this demo station's key
  });
});

describe('the printable preview page (what Electron prints)', () => {
  it('renders in Chromium at the card size, names in their own script and direction, with a QR zbarimg reads and the station accepts', async () => {
    const rows = station.db.orm.select().from(attendees).where(and(eq(attendees.status, 'active'), eq(attendees.notes, ''))).all();
    const arabic = rows.find((a) => /[\u0600-\u06ff]/.test(a.givenName + a.familyName) && a.badgeVersion === 1)!;
    const browser = await launchBrowser();
    try {
      const keep = path.resolve(__dirname, '../../test-results/badges');
      fs.mkdirSync(keep, { recursive: true });
      for (const template of TEMPLATE_IDS) {
        const res = await call('badges.preview', { attendeeId: arabic.id, template });
        expect(res.ok, JSON.stringify(res)).toBe(true);
        if (!res.ok) continue;
        const v = res.value as { html: string; widthMm: number; heightMm: number; signed: boolean };
        expect(v.signed).toBe(true);
        // 4 CSS px per mm: about 100 dpi, like a webcam looking at a printed badge.
        const page = await browser.newPage({ viewport: { width: Math.ceil(v.widthMm * 4), height: Math.ceil(v.heightMm * 4) }, deviceScaleFactor: 1 });
        await page.setContent(v.html);
        await page.evaluate(() => {
          document.querySelector('svg')!.setAttribute('width', '100%');
          document.querySelector('svg')!.setAttribute('height', '100%');
        });
        const given = page.locator('[data-role="given"]').first();
        expect(await given.textContent()).toBe(arabic.givenName);
        // Each line orders itself by its first strong character (Arabic right to left).
        expect(await given.evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe('plaintext');
        const png = path.join(keep, `preview-${template}.png`);
        await page.screenshot({ path: png });
        await page.close();
        const [text] = zbarimg([png]);
        expect(verify(text!)).toMatchObject({ ok: true, body: { attendeeId: arabic.id } });
      }
    } finally {
      await browser.close();
    }
  });
});

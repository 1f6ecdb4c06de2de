// Signed badges: sign and verify 20,000 badges (2,000 with --quick), the QR size our encoding
// buys over 200 badges, 1,000 check-ins (300) by signed badge against as many by plain code, and
// the batch PDF of the demo event's badges, its QRs read back by zbarimg (every 6th sheet by
// default, every sheet with --soak, none with --quick).
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import QRCode from 'qrcode';
import { base32Decode } from '../core/badge/base32';
import { BADGE_PREFIX, readSignedBadge, signBadge } from '../core/badge/signed';
import { sortForPrinting } from '../core/badge/templates';
import { trustedPublicKey, issuingKey } from '../db/badges';
import { badgeCodes } from '../db/schema/index';
import { demoBadgePrints, demoKeyPair } from '../resources/demo/badges';
import { renderBadgesPdf } from '../node-shared/badges/pdf';
import { nodeEd25519 } from '../node-shared/ed25519';
import { checkIn } from '../station/checkin';
import { seedDemoEvent } from '../resources/demo/seed';
import { openStation } from '../station/station';
import { tool } from '../testkit/tools';
import { percentile, round, sample, type BenchModule } from './harness';

const DAYS = ['2023-04-18', '2023-04-19'];

const bench: BenchModule = async ({ quick, soak, tmp }) => {
  const rows = [];
  const n = quick ? 2_000 : 20_000;
  const kp = demoKeyPair('atip-23');
  const key = { keyId: 1, privateKey: kp.privateKey };
  const ids = Array.from({ length: n }, () => crypto.randomUUID());
  const fields = (i: number) => ({ eventId: 'atip-23', attendeeId: ids[i]!, badgeVersion: 1, validDays: null, category: 'ngo' as const });

  // Sign and verify (the whole path: base32 decode, parse, Ed25519) per badge, against a bare OpenSSL verify.
  const texts: string[] = [];
  const signT = await sample(n, (i) => texts.push(signBadge(fields(i), DAYS, key, nodeEd25519)));
  const ctx = { eventId: 'atip-23', publicKey: () => kp.publicKey, ed25519: nodeEd25519 };
  const verifyT = await sample(n, (i) => {
    if (!readSignedBadge(texts[i]!, ctx)?.ok) throw new Error('verify failed');
  });
  const pub = crypto.createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), kp.publicKey]), format: 'der', type: 'spki' });
  const msg = Buffer.alloc(37, 7);
  const sig = crypto.sign(null, msg, crypto.createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), kp.privateKey]), format: 'der', type: 'pkcs8' }));
  const bareT = await sample(n, () => crypto.verify(null, msg, pub, sig));
  const us = (xs: number[]) => round(percentile(xs, 50) * 1000, 1);
  rows.push(
    { area: 'badges', name: `sign one badge p50 (${n.toLocaleString('en')} badges)`, value: us(signT), unit: 'µs' },
    { area: 'badges', name: `verify one badge p50 (decode + Ed25519, ${n.toLocaleString('en')} badges)`, value: us(verifyT), unit: 'µs', ratio: round(percentile(verifyT, 50) / percentile(bareT, 50), 2), vs: 'bare crypto.verify p50' },
    { area: 'badges', name: 'bare crypto.verify p50 (anchor)', value: us(bareT), unit: 'µs' },
  );

  // QR size: base32 in alphanumeric mode (ours) vs the same bytes as base64 in byte mode,
  // over 200 badges (qrcode segments base64 text differently depending on its content).
  for (const ecl of ['M', 'Q'] as const) {
    const ours = new Map<number, number>();
    const alt = new Map<number, number>();
    let size = 0;
    for (const t of texts.slice(0, 200)) {
      const o = QRCode.create(t, { errorCorrectionLevel: ecl });
      size = o.modules.size;
      ours.set(o.version, (ours.get(o.version) ?? 0) + 1);
      const b64 = BADGE_PREFIX + Buffer.from(base32Decode(t.slice(BADGE_PREFIX.length))!).toString('base64url');
      const a = QRCode.create(b64, { errorCorrectionLevel: ecl }).version;
      alt.set(a, (alt.get(a) ?? 0) + 1);
    }
    const dist = (m: Map<number, number>) => [...m].sort((x, y) => x[0] - y[0]).map(([v, n]) => `v${v}: ${n}`).join(', ');
    const oursMax = Math.max(...ours.keys());
    const altMax = Math.max(...alt.keys());
    const modules = (v: number) => 17 + 4 * v;
    rows.push(
      { area: 'badges', name: `QR version, base32 alphanumeric, ECC ${ecl} (largest of 200)`, value: oursMax, unit: 'version', note: `${size}×${size} modules; ${dist(ours)}` },
      { area: 'badges', name: `QR version, base64 byte mode, ECC ${ecl} (largest of 200)`, value: altMax, unit: 'version', ratio: round((modules(altMax) / modules(oursMax)) ** 2, 2), vs: 'area of base32 code', note: dist(alt) },
    );
  }

  // A durable check-in by signed badge (unknown attendee: verify + placeholder) vs by plain code.
  const station = openStation(path.join(tmp, 'station'), { seed: seedDemoEvent });
  const now = Date.parse(`${station.eventInfo().days[0]}T09:00:00Z`);
  const skey = issuingKey(station.db.orm)!;
  if (!trustedPublicKey(station.db.orm, skey.keyId)) throw new Error('station key missing');
  const scans = quick ? 300 : 1_000;
  const signed = Array.from({ length: scans }, () =>
    signBadge({ eventId: station.eventInfo().id, attendeeId: crypto.randomUUID(), badgeVersion: 1, validDays: null, category: 'ngo' }, station.eventInfo().days, skey, nodeEd25519),
  );
  const plain = station.db.orm.select({ code: badgeCodes.code }).from(badgeCodes).limit(scans).all().map((r) => r.code);
  const signedT = await sample(scans, (i) => checkIn(station, signed[i]!, now));
  const plainT = await sample(Math.min(scans, plain.length), (i) => checkIn(station, plain[i]!, now));
  // Known attendees by signed badge (verify only, no placeholder row): their second scan of the day.
  const knownT = await sample(scans, (i) => checkIn(station, signed[i]!, now + 60_000));
  station.close();
  rows.push(
    { area: 'badges', name: `check-in by signed badge, new attendee p50 (${scans.toLocaleString('en')} scans)`, value: round(percentile(signedT, 50)), unit: 'ms', ratio: round(percentile(signedT, 50) / percentile(plainT, 50), 2), vs: 'plain code check-in p50' },
    { area: 'badges', name: `check-in by signed badge, known attendee p50 (${scans.toLocaleString('en')} scans)`, value: round(percentile(knownT, 50)), unit: 'ms', ratio: round(percentile(knownT, 50) / percentile(plainT, 50), 2), vs: 'plain code check-in p50' },
    { area: 'badges', name: 'check-in by plain code p50 (anchor)', value: round(percentile(plainT, 50)), unit: 'ms' },
  );

  // Batch PDF of the demo badges (A4 sheets of 8), sorted for pre-printing.
  const t0 = performance.now();
  const badges = sortForPrinting(demoBadgePrints(now));
  const pdf = await renderBadgesPdf(badges, 'a4-8');
  const pdfS = (performance.now() - t0) / 1000;
  const file = path.join(tmp, 'demo-badges.pdf');
  fs.writeFileSync(file, pdf);
  rows.push({ area: 'badges', name: `batch PDF, ${badges.length} demo badges (A4 × 8)`, value: round(pdfS, 2), unit: 's', ratio: round(pdfS / 60, 3), vs: 'target 60 s', note: `${(pdf.length / 1e6).toFixed(1)} MB` });

  if (!quick) {
    // QRs of the batch read back by an independent decoder: every sheet with --soak, every
    // 6th sheet otherwise (rasterising and scanning all 150 sheets takes ~4 min on a loaded 2-core box).
    const t1 = performance.now();
    const sheets = Math.ceil(badges.length / 8);
    const pages = Array.from({ length: sheets }, (_, i) => i + 1).filter((p) => soak || p % 6 === 1);
    if (soak) execFileSync(tool('pdftoppm'), ['-r', '150', '-gray', '-png', file, path.join(tmp, 'p')]);
    else for (const p of pages) execFileSync(tool('pdftoppm'), ['-r', '150', '-gray', '-png', '-f', String(p), '-l', String(p), file, path.join(tmp, `p-${p}`)]);
    const pngs = fs.readdirSync(tmp).filter((f) => /^p-\d+(-\d+)?\.png$/.test(f)).map((f) => path.join(tmp, f));
    let out = '';
    try {
      out = execFileSync(tool('zbarimg'), ['-q', '--raw', '-Sdisable', '-Sqrcode.enable', ...pngs], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 });
    } catch (err) {
      out = String((err as { stdout?: string }).stdout ?? '');
    }
    const onPages = badges.filter((_, i) => pages.includes(Math.floor(i / 8) + 1));
    const want = new Set(onPages.map((b) => b.qrText));
    const got = new Set(out.split('\n').filter((t) => want.has(t)));
    rows.push({
      area: 'badges',
      name: soak ? 'batch QRs decoded by zbarimg' : 'batch QRs decoded by zbarimg (every 6th sheet)',
      value: got.size,
      unit: `of ${onPages.length}`,
      ratio: round(got.size / onPages.length, 4),
      vs: 'badges on those sheets',
      note: `pdftoppm 150 dpi + zbarimg, ${pages.length} sheets: ${((performance.now() - t1) / 1000).toFixed(0)} s`,
    });
  }
  return rows;
};
export default bench;

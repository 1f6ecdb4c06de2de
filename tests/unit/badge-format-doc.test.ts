// docs/badge-format.md's worked example must stay true: re-sign it and compare every byte.
import fs from 'node:fs';
import path from 'node:path';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { encodeBody } from '../../core/badge/payload';
import { readSignedBadge, signBadge, signBadgeBytes } from '../../core/badge/signed';
import { nodeEd25519 } from '../../node-shared/ed25519';
import { demoKeyPair } from '../../resources/demo/badges';

const doc = fs.readFileSync(path.resolve(__dirname, '../../docs/badge-format.md'), 'utf8');
const example = doc.slice(doc.indexOf('## Worked example'));
const blocks = [...example.matchAll(/```\n([\s\S]*?)```/g)].map((m) => m[1]!);
const hexOf = (block: string) => block.split('\n').map((l) => l.replace(/\s{2,}.*$/, '')).join(' ').replace(/[^0-9a-f]/g, '');

describe('docs/badge-format.md worked example', () => {
  const days = ['2023-04-18', '2023-04-19'];
  const fields = { eventId: 'atip-23', attendeeId: '3f2a9c4e-8b1d-4e6f-a2c3-5d7e9f1b3a60', badgeVersion: 2, validDays: ['2023-04-19'], category: 'speaker' as const };
  const key = { keyId: 1, privateKey: demoKeyPair('atip-23').privateKey };

  it('documents the real body, signature, text and QR version', () => {
    const body = encodeBody({ ...fields, keyId: 1 }, days);
    expect(hexOf(blocks[0]!)).toBe(Buffer.from(body).toString('hex'));
    const signed = signBadgeBytes(fields, days, key, nodeEd25519);
    expect(hexOf(blocks[1]!)).toBe(Buffer.from(signed.subarray(body.length)).toString('hex'));
    const text = signBadge(fields, days, key, nodeEd25519);
    expect(blocks[2]!.trim()).toBe(text);
    expect(doc).toContain(Buffer.from(demoKeyPair('atip-23').publicKey).toString('base64'));
    expect(QRCode.create(text, { errorCorrectionLevel: 'M' }).version).toBe(6);
    const read = readSignedBadge(text, { eventId: 'atip-23', publicKey: () => demoKeyPair('atip-23').publicKey, ed25519: nodeEd25519 });
    expect(read).toMatchObject({ ok: true, body: { attendeeId: fields.attendeeId, badgeVersion: 2, dayMask: 2, category: 'speaker' } });
  });
});

// What the admin CLI prints for a new pairing code: the code, the certificate fingerprint the
// station will pin, the pairing link (paste it into the station's address field) and the same
// link as a QR code in the terminal (a station's scanner types it into that field).
import QRCode from 'qrcode';
import { fingerprintHex } from '../core/sync/pairing-link';

export interface IssuedCode {
  code: string;
  expiresAt: number;
  stationId: string | null;
  url: string;
  fingerprint: string | null;
  link: string;
}

export async function pairingText(r: IssuedCode, opts: { qr?: boolean } = {}): Promise<string> {
  const lines = [
    `Pairing code: ${r.code}  (one use, valid until ${new Date(r.expiresAt).toLocaleString()})`,
    r.stationId ? `Only for station ${r.stationId}: it gets a new token and keeps its id and its scans.` : 'Pairs a new station.',
    `Registry:     ${r.url}`,
    r.fingerprint
      ? `Certificate:  SHA-256 ${fingerprintHex(r.fingerprint)}`
      : r.url.startsWith('https:')
        ? 'Certificate:  checked by the station against its trusted authorities (no fingerprint to pin).'
        : 'Certificate:  none — plain HTTP (loopback, or behind a TLS reverse proxy).',
    `Pairing link: ${r.link}`,
    'On the station: Settings → Registry → paste the pairing link (or scan the QR below into the address field).',
  ];
  if (opts.qr !== false) lines.push('', await QRCode.toString(r.link, { type: 'terminal', small: true, errorCorrectionLevel: 'M' }));
  return lines.join('\n');
}

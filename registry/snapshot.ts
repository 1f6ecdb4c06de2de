// First downloads, prepared once and shared (issue 14): everything a station's pull from cursor 0
// would receive, written once per change number as gzip'd JSON lines in the data folder, and sent
// as a file (resumable with HTTP ranges: routes/sync.ts). Ten stations pairing at once cost the
// registry one pass over its tables instead of ten, and a station on venue Wi-Fi that loses the
// connection at 80 % asks for the last 20 %.
//
// File: one JSON array of changes per line (pages of MAX_PAGE, in change-number order): exactly
// what pullPage gives a station that is not the author of any scan (a station skips its own scans
// when it applies them); the last line is `{"protocol":1,"cursor":"1:N","changes":K}`. A station then
// pulls from cursor N as usual. A snapshot is reused while the registry has moved on by at most
// REUSE_CHANGES (the station pulls the rest), so a burst of pushes does not start one per push.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import zlib from 'node:zlib';
import type { Audience } from '../core/sync/visibility';
import { MAX_PAGE, PROTOCOL_VERSION, cursorChangeNo, cursorFor } from '../core/sync/protocol';
import { makePrivateDir } from '../node-shared/private-files';
import { pullPage } from './changes';
import type { RegistryOrm } from './db';
import { lastChangeNo } from './store';

export interface Snapshot {
  audience: Audience;
  /** The cursor a station continues from after applying it. */
  cursor: string;
  file: string;
  bytes: number;
  /** Names this file's bytes: a resumed download checks it (If-Range) and the whole file's SHA-256. */
  etag: string;
  sha256: string;
}

/** Changes a snapshot may lag behind the registry and still be handed out (about 5 pages). */
export const REUSE_CHANGES = 25_000;

/** A fast gzip level: the file is made once per change number, but while stations wait for it. */
const GZIP_LEVEL = 4;

/** Not a station id: every station's scans are in the snapshot. */
const NO_STATION = '';

/**
 * One snapshot per audience (core/sync/visibility.ts): a door station's first download leaves
 * out what a door may not hold, exactly as its pages would.
 */
export class Snapshots {
  private ready = new Map<Audience, Snapshot>();
  private making = new Map<Audience, Promise<Snapshot>>();
  /** Files handed out recently stay for resumed downloads until three newer ones exist. */
  private kept: Snapshot[] = [];

  constructor(
    private readonly orm: RegistryOrm,
    private readonly dir: string,
  ) {}

  /** The snapshot to send now: the last one if recent enough, else one made now (shared by everyone asking meanwhile). */
  async current(audience: Audience): Promise<Snapshot> {
    const last = await lastChangeNo(this.orm);
    const ready = this.ready.get(audience);
    if (ready && last - cursorChangeNo(ready.cursor) <= REUSE_CHANGES) return ready;
    let making = this.making.get(audience);
    if (!making) {
      making = this.make(audience).finally(() => this.making.delete(audience));
      this.making.set(audience, making);
    }
    return making;
  }

  /** A snapshot for this audience named by its etag, if its file is still here (a resumed download). */
  byEtag(audience: Audience, etag: string): Snapshot | null {
    return this.kept.find((s) => s.etag === etag && s.audience === audience) ?? null;
  }

  private async make(audience: Audience): Promise<Snapshot> {
    makePrivateDir(this.dir);
    const tmp = path.join(this.dir, `making-${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
    const gz = zlib.createGzip({ level: GZIP_LEVEL });
    const hash = crypto.createHash('sha256');
    const out = fs.createWriteStream(tmp, { mode: 0o600 });
    let bytes = 0;
    gz.on('data', (b: Buffer) => {
      hash.update(b);
      bytes += b.length;
    });
    gz.pipe(out);
    const write = async (line: string) => {
      if (!gz.write(line + '\n')) await once(gz, 'drain');
    };
    try {
      let after = 0;
      let changes = 0;
      for (;;) {
        const page = await pullPage(this.orm, NO_STATION, after, MAX_PAGE, audience);
        if (page.changes.length > 0) await write(JSON.stringify(page.changes));
        changes += page.changes.length;
        after = cursorChangeNo(page.nextCursor);
        if (!page.hasMore) break;
      }
      // The last line says where the station continues from, and that the file is whole.
      await write(JSON.stringify({ protocol: PROTOCOL_VERSION, cursor: cursorFor(after), changes }));
      gz.end();
      await once(out, 'close');
      const sha = hash.digest('hex');
      const file = path.join(this.dir, `snapshot-${audience}-${after}-${sha.slice(0, 16)}.ndjson.gz`);
      fs.renameSync(tmp, file);
      const snap: Snapshot = { audience, cursor: cursorFor(after), file, bytes, etag: `"${audience}-${after}-${sha.slice(0, 16)}"`, sha256: sha };
      this.ready.set(audience, snap);
      this.kept.push(snap);
      while (this.kept.length > 4) fs.rmSync(this.kept.shift()!.file, { force: true });
      return snap;
    } catch (err) {
      gz.destroy();
      out.destroy();
      fs.rmSync(tmp, { force: true });
      throw err;
    }
  }

  /** Forgets every prepared file and deletes them (data retention: they hold names). */
  discardAll(): void {
    this.ready.clear();
    this.kept = [];
    Snapshots.clear(this.dir);
  }

  /** Removes every snapshot file (a registry starting cleans up after the last run). */
  static clear(dir: string): void {
    if (!fs.existsSync(dir)) return;
    for (const f of fs.readdirSync(dir)) if (f.startsWith('snapshot-') || f.startsWith('making-')) fs.rmSync(path.join(dir, f), { force: true });
  }
}

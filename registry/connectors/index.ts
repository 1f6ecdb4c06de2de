// Connectors: registrations read from a registration system's API instead of an exported file,
// refreshed on an interval (changes and cancellations included). Each round yields rows for
// the registry's import (POST /v1/admin/attendees/rows), which applies the same rules as files.
// docs/connectors.md lists every endpoint and field used.
import type { RowsImport, SourceRow } from '../import/types';
import { IndicoCache, readIndico, type IndicoOptions } from './indico';
import type { SourceHttp } from './http';
import { PictureMemory, type PictureRef } from './pictures';
import { PretixState, readPretix, type PretixOptions } from './pretix';

export { SourceError } from './http';
export { syncPictures, type PhotoSink } from './pictures';

export type Connector =
  | { kind: 'indico'; options: IndicoOptions; cache: IndicoCache; pictures: PictureMemory }
  | { kind: 'pretix'; options: PretixOptions; state: PretixState; pictures: PictureMemory };

export function connector(kind: 'indico', options: IndicoOptions): Connector;
export function connector(kind: 'pretix', options: PretixOptions): Connector;
export function connector(kind: 'indico' | 'pretix', options: IndicoOptions | PretixOptions): Connector {
  const pictures = new PictureMemory();
  return kind === 'indico' ? { kind, options: options as IndicoOptions, cache: new IndicoCache(), pictures } : { kind, options: options as PretixOptions, state: new PretixState(), pictures };
}

export interface Round {
  title: string;
  /** The Indico server whose QR codes the event should accept. */
  indicoHost?: string;
  body: Pick<RowsImport, 'profile' | 'replaceScope'> & { rows: SourceRow[] };
  /** Every listed person's picture, fetched (by syncPictures) only when new or changed. */
  pictures: PictureRef[];
  /** People listed this round without a picture. */
  unpictured: string[];
  source: SourceHttp;
}

/** One refresh: reads the source and says what to send to the registry. */
export async function readRound(c: Connector): Promise<Round> {
  if (c.kind === 'indico') {
    const r = await readIndico(c.options, c.cache);
    // Indico lists every registration each time: whoever is gone was deleted there.
    return { title: r.title, indicoHost: r.host, body: { profile: 'indico', rows: r.rows, replaceScope: 'indico-' }, pictures: r.pictures, unpictured: r.unpictured, source: r.source };
  }
  const r = await readPretix(c.options, c.state);
  return { title: r.title, body: { profile: 'pretix', rows: r.rows }, pictures: r.pictures, unpictured: r.unpictured, source: r.source };
}

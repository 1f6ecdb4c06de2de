// A fresh short badge code (core/badge/short-code.ts) that no badge on this station's list
// holds in any letter case — scans match codes case-insensitively (matchers.ts). The registry
// refuses a code another attendee already holds (registry/ingest.ts), so a clash with a badge
// this station has not seen yet is caught there.
import crypto from 'node:crypto';
import { shortCode } from '../../core/badge/short-code';
import { findByBadgeCode } from '../../db/attendees';
import type { Station } from '../station';
import { caseVariants } from './matchers';

export function newBadgeCode(station: Station, prefix: string, length: number): string {
  for (;;) {
    const code = shortCode(prefix, length, (n) => crypto.randomBytes(n));
    if (caseVariants(code).every((v) => !findByBadgeCode(station.db.orm, v))) return code;
  }
}

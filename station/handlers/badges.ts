// Handlers of the badges area (see core/api/badges.ts for the contract).
import fs from 'node:fs';
import path from 'node:path';
import type { BadgesResults } from '../../core/api/badges';
import { isSignedBadgeText } from '../../core/badge/signed';
import { badgeHtml, badgeSvg } from '../../core/badge/svg';
import { renderBadgesPdf } from '../../node-shared/badges/pdf';
import { printableBadge } from '../badges/print';
import { reprintBadge } from '../badges/reprint';
import type { AreaHandlers, HandlerOptions } from './types';
import { makePrivateDir, writePrivateFile } from '../../node-shared/private-files';

export function badgeHandlers(opts: HandlerOptions = {}): AreaHandlers<keyof BadgesResults> {
  const now = opts.now ?? Date.now;
  return {
    'badges.reprint': (args, station) => {
      const r = reprintBadge(station, args.attendeeId, now(), { operator: args.operator ?? null, reason: args.reason });
      station.emit('attendees');
      return r;
    },
    'badges.preview': (args, station) => {
      const b = printableBadge(station, args.attendeeId);
      const { svg, widthMm, heightMm } = badgeSvg(b, args.template);
      return {
        svg,
        html: badgeHtml(b, args.template),
        widthMm,
        heightMm,
        template: args.template,
        badgeVersion: b.badgeVersion,
        signed: isSignedBadgeText(b.qrText),
      };
    },
    'badges.pdf': async (args, station) => {
      const b = printableBadge(station, args.attendeeId);
      const pdf = await renderBadgesPdf([b], args.template, { title: `Badge ${b.givenName} ${b.familyName}`.trim() });
      // The file name carries no personal data: id prefix and badge version.
      const fileName = `badge-${b.attendeeId.slice(0, 8)}-v${b.badgeVersion}-${args.template}.pdf`;
      const dir = path.join(station.dataDir, 'badges');
      makePrivateDir(dir);
      const file = path.join(dir, fileName);
      writePrivateFile(file, pdf);
      return { path: file, fileName, base64: pdf.toString('base64'), bytes: pdf.length };
    },
  };
}

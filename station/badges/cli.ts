// `npm run badges -- --data DIR | --demo  --template a4-8|cr80|a6  --out FILE.pdf`
// Writes every badge of the event into one PDF, sorted for pre-printing
// (delegation or organisation, then family and given name).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sortForPrinting, TEMPLATE_IDS, type BadgePrint, type TemplateId } from '../../core/badge/templates';
import { demoBadgePrints } from '../../resources/demo/badges';
import { renderBadgesPdf } from '../../node-shared/badges/pdf';
import { openStation } from '../station';
import { stationBadgePrints } from './batch';

const USAGE = 'Usage: npm run badges -- (--data DIR | --demo) [--template a4-8|cr80|a6] --out FILE.pdf';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: { data: { type: 'string' }, demo: { type: 'boolean' }, template: { type: 'string', default: 'a4-8' }, out: { type: 'string' } },
    }).values;
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const template = args.template as TemplateId;
  if (!TEMPLATE_IDS.includes(template) || !args.out || (!args.data && !args.demo) || (args.data && args.demo)) {
    console.error(USAGE);
    return 2;
  }
  const t0 = performance.now();
  let badges: BadgePrint[];
  let title: string;
  if (args.demo) {
    badges = demoBadgePrints();
    title = 'Demo event badges';
  } else {
    const dir = path.resolve(args.data!);
    if (!fs.existsSync(path.join(dir, 'station.json'))) {
      console.error(`No Foyer station in ${dir}. Start the station once (npm run start:web -- --data ${args.data}) or use --demo.`);
      return 1;
    }
    const station = openStation(dir);
    try {
      badges = stationBadgePrints(station);
      title = `${station.eventInfo().name} — badges`;
    } finally {
      station.close();
    }
  }
  const pdf = await renderBadgesPdf(sortForPrinting(badges), template, { title });
  fs.mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true });
  fs.writeFileSync(args.out, pdf);
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(`${badges.length} badges (${template}) → ${args.out}, ${(pdf.length / 1e6).toFixed(1)} MB in ${s} s`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`Could not write the badges: ${(err as Error).message}`);
    process.exit(1);
  },
);

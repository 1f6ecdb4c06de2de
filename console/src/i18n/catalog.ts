// The console's words, one file per page group per language (en/, de/, fr/, ru/), plus the
// category and room-state names every Foyer screen shares (core/i18n), merged into one i18next
// resource per language. To add a word: add its key to en/<group>.ts and the same key, translated,
// to de/fr/ru/<group>.ts; tests/unit/i18n.test.ts checks every language has every key, the same
// {{placeholders}} and each language's plural forms. A new page gets its own file in each folder.
import { sharedFiles } from '../../../core/i18n';
import type { Catalog, Language } from '../../../core/i18n/languages';
import { common as deCommon } from './de/common';
import { evacuation as deEvacuation } from './de/evacuation';
import { hybrid as deHybrid } from './de/hybrid';
import { importWords as deImport } from './de/import';
import { live as deLive } from './de/live';
import { people as dePeople } from './de/people';
import { setup as deSetup } from './de/setup';
import { stations as deStations } from './de/stations';
import { common as enCommon } from './en/common';
import { evacuation as enEvacuation } from './en/evacuation';
import { hybrid as enHybrid } from './en/hybrid';
import { importWords as enImport } from './en/import';
import { live as enLive } from './en/live';
import { people as enPeople } from './en/people';
import { setup as enSetup } from './en/setup';
import { stations as enStations } from './en/stations';
import { common as frCommon } from './fr/common';
import { evacuation as frEvacuation } from './fr/evacuation';
import { hybrid as frHybrid } from './fr/hybrid';
import { importWords as frImport } from './fr/import';
import { live as frLive } from './fr/live';
import { people as frPeople } from './fr/people';
import { setup as frSetup } from './fr/setup';
import { stations as frStations } from './fr/stations';
import { common as ruCommon } from './ru/common';
import { evacuation as ruEvacuation } from './ru/evacuation';
import { hybrid as ruHybrid } from './ru/hybrid';
import { importWords as ruImport } from './ru/import';
import { live as ruLive } from './ru/live';
import { people as ruPeople } from './ru/people';
import { setup as ruSetup } from './ru/setup';
import { stations as ruStations } from './ru/stations';

/** The shared words the console uses: category and room-state names. */
const shared = (l: Language) => ({ category: sharedFiles[l].category, state: sharedFiles[l].state });

/** Each language's files, by page group (the test checks that no two files define the same top-level section). */
export const files = {
  en: { shared: shared('en'), common: enCommon, live: enLive, setup: enSetup, import: enImport, stations: enStations, people: enPeople, hybrid: enHybrid, evacuation: enEvacuation },
  de: { shared: shared('de'), common: deCommon, live: deLive, setup: deSetup, import: deImport, stations: deStations, people: dePeople, hybrid: deHybrid, evacuation: deEvacuation },
  fr: { shared: shared('fr'), common: frCommon, live: frLive, setup: frSetup, import: frImport, stations: frStations, people: frPeople, hybrid: frHybrid, evacuation: frEvacuation },
  ru: { shared: shared('ru'), common: ruCommon, live: ruLive, setup: ruSetup, import: ruImport, stations: ruStations, people: ruPeople, hybrid: ruHybrid, evacuation: ruEvacuation },
} as const;

export type English = ReturnType<typeof shared> & typeof enCommon & typeof enLive & typeof enSetup & typeof enImport & typeof enStations & typeof enPeople & typeof enHybrid & typeof enEvacuation;

function merge(parts: Record<string, Catalog>): Catalog {
  return Object.assign({}, ...Object.values(parts)) as Catalog;
}

export const resources = {
  en: merge(files.en),
  de: merge(files.de),
  fr: merge(files.fr),
  ru: merge(files.ru),
} as const;

// The renderer's words, one file per screen per language (en/, de/, fr/, ru/), plus the words the
// station writes too (core/i18n: categories, room states, exports), merged into one i18next
// resource per language. To add a word: add its key to en/<screen>.ts and the same key,
// translated, to de/fr/ru/<screen>.ts; tests/unit/i18n.test.ts checks every language has every key,
// the same {{placeholders}}, each language's plural forms (key_one, key_other; Russian also _few,
// _many; French _many) and no English left over. A new screen gets its own file in each folder.
import { sharedFiles } from '../../../core/i18n';
import type { Catalog } from '../../../core/i18n/languages';
import { checkin as deCheckin } from './de/checkin';
import { collect as deCollect } from './de/collect';
import { handouts as deHandouts } from './de/handouts';
import { common as deCommon } from './de/common';
import { door as deDoor } from './de/door';
import { rooms as deRooms } from './de/rooms';
import { settings as deSettings } from './de/settings';
import { walkin as deWalkin } from './de/walkin';
import { evacuation as deEvacuation } from './de/evacuation';
import { kiosk as deKiosk } from './de/kiosk';
import { checkin as enCheckin } from './en/checkin';
import { collect as enCollect } from './en/collect';
import { handouts as enHandouts } from './en/handouts';
import { common as enCommon } from './en/common';
import { door as enDoor } from './en/door';
import { rooms as enRooms } from './en/rooms';
import { settings as enSettings } from './en/settings';
import { walkin as enWalkin } from './en/walkin';
import { evacuation as enEvacuation } from './en/evacuation';
import { kiosk as enKiosk } from './en/kiosk';
import { checkin as frCheckin } from './fr/checkin';
import { collect as frCollect } from './fr/collect';
import { handouts as frHandouts } from './fr/handouts';
import { common as frCommon } from './fr/common';
import { door as frDoor } from './fr/door';
import { rooms as frRooms } from './fr/rooms';
import { settings as frSettings } from './fr/settings';
import { walkin as frWalkin } from './fr/walkin';
import { evacuation as frEvacuation } from './fr/evacuation';
import { kiosk as frKiosk } from './fr/kiosk';
import { checkin as ruCheckin } from './ru/checkin';
import { collect as ruCollect } from './ru/collect';
import { handouts as ruHandouts } from './ru/handouts';
import { common as ruCommon } from './ru/common';
import { door as ruDoor } from './ru/door';
import { rooms as ruRooms } from './ru/rooms';
import { settings as ruSettings } from './ru/settings';
import { walkin as ruWalkin } from './ru/walkin';
import { evacuation as ruEvacuation } from './ru/evacuation';
import { kiosk as ruKiosk } from './ru/kiosk';

/** Each language's files, by screen (the test checks that no two files define the same top-level section). */
export const files = {
  en: { shared: sharedFiles.en, common: enCommon, checkin: enCheckin, collect: enCollect, handouts: enHandouts, walkin: enWalkin, rooms: enRooms, door: enDoor, settings: enSettings, evacuation: enEvacuation, kiosk: enKiosk },
  de: { shared: sharedFiles.de, common: deCommon, checkin: deCheckin, collect: deCollect, handouts: deHandouts, walkin: deWalkin, rooms: deRooms, door: deDoor, settings: deSettings, evacuation: deEvacuation, kiosk: deKiosk },
  fr: { shared: sharedFiles.fr, common: frCommon, checkin: frCheckin, collect: frCollect, handouts: frHandouts, walkin: frWalkin, rooms: frRooms, door: frDoor, settings: frSettings, evacuation: frEvacuation, kiosk: frKiosk },
  ru: { shared: sharedFiles.ru, common: ruCommon, checkin: ruCheckin, collect: ruCollect, handouts: ruHandouts, walkin: ruWalkin, rooms: ruRooms, door: ruDoor, settings: ruSettings, evacuation: ruEvacuation, kiosk: ruKiosk },
} as const;

export type English = typeof sharedFiles.en & typeof enCommon & typeof enCheckin & typeof enCollect & typeof enHandouts & typeof enWalkin & typeof enRooms & typeof enDoor & typeof enSettings & typeof enEvacuation & typeof enKiosk;

function merge(parts: Record<string, Catalog>): Catalog {
  return Object.assign({}, ...Object.values(parts)) as Catalog;
}

export const resources = {
  en: merge(files.en),
  de: merge(files.de),
  fr: merge(files.fr),
  ru: merge(files.ru),
} as const;

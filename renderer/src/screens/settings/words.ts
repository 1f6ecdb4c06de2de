// Words of the Settings screen (pairing with the registry, sync status). English is the
// fallback for anything a language lacks; {{name}} placeholders as in i18next.
const en = {
  title: 'Settings',
  'registry.title': 'Registry',
  'registry.intro': 'Pair this station with the event’s registry so its scans reach every other station. Ask the registry operator for the address and a one-time pairing code.',
  'registry.url': 'Registry address',
  'registry.urlHint': 'For example http://192.168.1.10:8787',
  'registry.code': 'Pairing code',
  'registry.codeHint': 'Ten letters and digits, like K7P2M-X9QTR',
  'registry.pair': 'Pair this station',
  'registry.pairing': 'Pairing…',
  'registry.repair': 'Pair again',
  'registry.paired': 'This station is paired. To move it to another registry, or after it was revoked, choose “Pair again”.',
  'registry.standalone': 'Not paired: this station works on its own. Scans are saved here.',
  'status.title': 'Sync',
  'status.connection': 'Connection',
  'status.online': 'Online',
  'status.offline': 'Offline – scans are saved here and upload later',
  'status.error': 'Problem',
  'status.standalone': 'Not paired',
  'status.live': 'live updates on',
  'status.noLive': 'checking every few seconds',
  'status.registry': 'Registry',
  'status.lastSync': 'Last successful sync',
  'status.never': 'never',
  'status.outbox': 'Waiting to upload',
  'status.outbox1': '1 event',
  'status.outboxN': '{{n}} events',
  'status.clock': 'Clock',
  'status.clockOk': 'in step with the registry',
  'status.syncNow': 'Sync now',
  'status.syncing': 'Syncing…',
  'status.result': 'Uploaded {{pushed}}, downloaded {{pulled}}.',
  'rejected.title': 'Refused by the registry',
  'rejected.intro': 'These events stay on this station; the registry did not accept them. Tell the tech desk.',
  'conflicts.title': 'Admitted twice',
  'conflicts.intro': 'Admitted as a first entry at two stations that could not see each other. The earlier admission counts.',
  'conflicts.row': 'first at {{where}}, {{when}} · {{n}} admissions',
  'conflicts.none': 'Nobody was admitted twice.',
  'forget.title': 'After the event',
  'forget.intro': 'This station keeps the attendee list and every scan until you delete them. When the event is over and every scan has reached the registry, forget the event here.',
  'forget.button': 'Forget this event…',
  'forget.confirmTitle': 'Forget this event?',
  'forget.confirmText': 'This deletes the attendee list, every scan, desk notes, exports and badge PDFs from this station. It then starts again as a new station with the demo event. This cannot be undone.',
  'forget.cancel': 'Keep everything',
  'forget.confirm': 'Delete everything',
  'forget.secondTitle': 'Scans have not reached the registry',
  'forget.confirmSecond': 'Delete anyway, {{n}} unsent scans too',
} as const;

export type SettingsWord = keyof typeof en;
type Words = Partial<Record<SettingsWord, string>>;

const de: Words = {
  title: 'Einstellungen',
  'registry.title': 'Registrierungsserver',
  'registry.url': 'Adresse des Servers',
  'registry.code': 'Kopplungscode',
  'registry.pair': 'Station koppeln',
  'status.title': 'Abgleich',
  'status.online': 'Online',
  'status.offline': 'Offline – Scans werden hier gespeichert und später hochgeladen',
  'status.syncNow': 'Jetzt abgleichen',
  'status.outbox': 'Wartet auf Upload',
  'conflicts.title': 'Doppelt eingelassen',
};
const fr: Words = {
  title: 'Réglages',
  'registry.title': 'Registre',
  'registry.url': 'Adresse du registre',
  'registry.code': 'Code d’appairage',
  'registry.pair': 'Appairer ce poste',
  'status.title': 'Synchronisation',
  'status.online': 'En ligne',
  'status.offline': 'Hors ligne – les scans sont gardés ici et envoyés plus tard',
  'status.syncNow': 'Synchroniser',
  'status.outbox': 'En attente d’envoi',
  'conflicts.title': 'Admis deux fois',
};
const ru: Words = {
  title: 'Настройки',
  'registry.title': 'Реестр',
  'registry.url': 'Адрес реестра',
  'registry.code': 'Код привязки',
  'registry.pair': 'Привязать станцию',
  'status.title': 'Синхронизация',
  'status.online': 'В сети',
  'status.offline': 'Нет сети – сканы сохраняются здесь и отправятся позже',
  'status.syncNow': 'Синхронизировать',
  'status.outbox': 'Ждут отправки',
  'conflicts.title': 'Пропущены дважды',
};
const LANGS: Record<string, Words> = { de, fr, ru };

export function sw(key: SettingsWord, params: Record<string, string | number> = {}): string {
  const lang = typeof document === 'undefined' ? 'en' : document.documentElement.lang.slice(0, 2);
  const text = LANGS[lang]?.[key] ?? en[key];
  return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
}

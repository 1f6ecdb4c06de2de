// Deutsch: words shared by every screen: app frame, top bar, status bar, errors, desk preferences, categories.
import type { Catalog } from '../../../../core/i18n/languages';

export const common = {
  app: {
    name: 'Foyer',
    navLabel: 'Ansichten',
    loading: 'Wird geladen…',
  },
  nav: {
    checkin: 'Check-in',
    collect: 'Ausweisausgabe',
    handouts: 'Empfänger',
    door: 'Saaltür',
    rooms: 'Räume',
    wall: 'Wandanzeige',
    settings: 'Einstellungen',
    evacuation: 'Evakuierung',
  },
  status: {
    station: 'Station',
    today: 'Tag {{n}} von {{total}}',
    notEventDay: 'Kein Veranstaltungstag',
    checkedIn: '{{count}} / {{total}} heute eingecheckt',
    syncStandalone: 'Mit keinem Zentralserver verbunden',
    syncOnline: 'Synchronisiert',
    syncOnlineAt: 'Synchronisiert {{time}}',
    syncOffline: 'Offline – wird lokal gespeichert',
    syncError: 'Synchronisierungsproblem: {{message}}',
    outbox: 'Noch nicht gesendet: {{count}}',
    clockAhead: 'Uhr {{minutes}} Min. vor den anderen Stationen – Uhrzeit prüfen',
    clockBehind: 'Uhr {{minutes}} Min. hinter den anderen Stationen – Uhrzeit prüfen',
    unreachable: 'Stationsdienst antwortet nicht – Scans werden nicht gespeichert',
    keyInvalid: 'Der Zugangsschlüssel dieser Seite gilt nicht mehr – Scans werden nicht gespeichert. Den Link öffnen, den die Station beim Start ausgegeben hat.',
  },
  errors: {
    offline: 'Der Stationsdienst antwortet nicht: nichts wurde gespeichert. Kurz warten und erneut scannen; wenn es wieder passiert, den Technik-Support rufen.',
    unauthorised: 'Nicht gespeichert: Der Zugangsschlüssel dieser Seite gilt nicht mehr (die Station wurde mit einem neuen Schlüssel gestartet). Den Link öffnen, den die Station beim Start ausgegeben hat.',
    unexpected: 'Etwas ist schiefgegangen, nichts wurde gespeichert. Erneut versuchen; wenn es wieder passiert, den Technik-Support rufen.',
  },
  errorsByCode: {
    disk_full: 'Der Datenträger ist voll: das wurde NICHT gespeichert. Platz schaffen (oder Technik-Support rufen), dann erneut versuchen.',
    storage: 'Foyer kann nicht in seine Datenbank schreiben: das wurde NICHT gespeichert. Technik-Support rufen.',
    busy: 'Die Stationsdatenbank ist beschäftigt. Gleich noch einmal versuchen.',
    not_found: 'Diese Person ist nicht in der Liste dieser Station. Erneut suchen oder synchronisieren.',
  },
  prefs: {
    label: 'Anzeige und Ton',
    language: 'Sprache',
    toDark: 'Dunkles Design',
    toLight: 'Helles Design',
    mute: 'Ton an – zum Stummschalten drücken',
    unmute: 'Ton aus – zum Einschalten drücken',
  },
  reasonFallback: {
    guest: 'Gast',
    anotherStation: 'andere Station',
    theRoom: 'Der Raum',
    thisRoom: 'diesem Raum',
  },
  scanner: {
    layoutCorrected: 'Das Tastaturlayout des Scanners weicht von dem dieses Computers ab; Scans werden korrigiert.',
    ok: 'OK',
  },
} satisfies Catalog;

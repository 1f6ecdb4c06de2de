// English: words shared by every screen: app frame, top bar, status bar, errors, desk preferences, categories.
// The key set every language fills (tests/unit/i18n.test.ts); {{name}} placeholders as in i18next.
export const common = {
  app: {
    name: 'Foyer',
    navLabel: 'Screens',
    loading: 'Loading…',
  },
  nav: {
    checkin: 'Check-in',
    collect: 'Badge desk',
    handouts: 'Receivers',
    door: 'Door',
    rooms: 'Rooms',
    wall: 'Wall display',
    settings: 'Settings',
    evacuation: 'Evacuation',
  },
  status: {
    station: 'Station',
    today: 'Day {{n}} of {{total}}',
    notEventDay: 'Not an event day',
    checkedIn: '{{count}} / {{total}} checked in today',
    syncStandalone: 'Not connected to a registry',
    syncOnline: 'Synced',
    syncOnlineAt: 'Synced {{time}}',
    syncOffline: 'Offline – saving locally',
    syncError: 'Sync problem: {{message}}',
    outbox: '{{count}} not yet uploaded',
    clockAhead: 'Clock {{minutes}} min ahead of other stations – check the time',
    clockBehind: 'Clock {{minutes}} min behind other stations – check the time',
    unreachable: 'Station service not responding – scans are not being saved',
    keyInvalid: 'This page’s access key is no longer valid – scans are not being saved. Open the link the station printed when it started.',
  },
  errors: {
    offline: 'The station service is not responding: nothing was saved. Wait a moment and scan again; if it repeats, call the tech desk.',
    unauthorised: 'Not saved: this page’s access key is no longer valid (the station was started with a new key). Open the link the station printed when it started.',
    unexpected: 'Something went wrong and nothing was saved. Try again; if it repeats, call the tech desk.',
  },
  errorsByCode: {
    disk_full: 'The disk is full: this was NOT saved. Free some space (or call the tech desk), then try again.',
    storage: 'Foyer cannot write to its database: this was NOT saved. Call the tech desk.',
    busy: 'The station database is busy. Try again in a moment.',
    not_found: 'This person is not on this station’s list. Search again or sync.',
  },
  prefs: {
    label: 'Display and sound',
    language: 'Language',
    toDark: 'Dark theme',
    toLight: 'Light theme',
    mute: 'Sound on – press to mute',
    unmute: 'Sound off – press to turn on',
  },
  reasonFallback: {
    guest: 'guest',
    anotherStation: 'another station',
    theRoom: 'The room',
    thisRoom: 'this room',
  },
  scanner: {
    layoutCorrected: 'The scanner’s keyboard layout differs from this computer’s; scans are corrected.',
    ok: 'OK',
  },
} as const;

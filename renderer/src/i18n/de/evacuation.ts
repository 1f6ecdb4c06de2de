// de: the evacuation roll call screen (docs/evacuation.md).
import type { Catalog } from '../../../../core/i18n/languages';

export const evacuation = {
  evac: {
    title: 'Evakuierung – Anwesenheitsliste',
    running: 'EVAKUIERUNG seit {{at}}',
    drillRunning: 'Evakuierungs-ÜBUNG seit {{at}}',
    unaccounted: 'noch nicht erfasst',
    safe: 'in Sicherheit',
    inside: 'im Gebäude',
    start: 'Evakuierung starten',
    drill: 'Übung starten',
    end: 'Evakuierung beenden',
    started: 'Gestartet: jede Station zeigt es nach ihrer nächsten Synchronisierung.',
    ended: 'Beendet.',
    exportPdf: 'Liste für Einsatzkräfte (PDF)',
    exportCsv: 'Liste (CSV)',
    saved: 'Gespeichert: {{file}}',
    scanLabel: 'Sammelplatz: Ausweis scannen',
    markSafe: 'In Sicherheit',
    undoSafe: 'Zurücknehmen',
    elsewhere: 'Im Gebäude, Raum unbekannt',
    roomCount: '{{n}} von {{total}} noch nicht erfasst',
    freshness: 'Neueste Daten je Station',
    thisStation: 'diese Station',
    lastSync: 'Letzte Synchronisierung mit dem Zentralserver {{at}}',
    neverSynced: 'Nie mit einem Zentralserver synchronisiert: die Liste enthält nur die Daten dieser Station.',
    outcome: {
      marked: '{{name}} ist in Sicherheit. {{n}} noch nicht erfasst.',
      already: '{{name}} war schon als in Sicherheit erfasst.',
      not_inside: '{{name}} ist in Sicherheit (stand nicht auf der Liste der Anwesenden).',
      undone: '{{name}} ist nicht mehr als in Sicherheit erfasst.',
      unknown: 'Dieser Ausweis steht nicht auf der Liste dieser Station. Person über den Namen erfassen.',
      no_evacuation: 'Keine Evakuierung läuft: zuerst eine starten.',
    },
  },
} satisfies Catalog;

// Deutsch: the online attendance page (Zoom reports per session, the attendance report).
export const hybrid = {
  attendance: {
    title: 'Online-Teilnahme (Zoom)',
    intro: 'Importieren Sie nach jeder Sitzung ihren Zoom-Teilnehmerbericht (im Zoom-Webportal die Teilnehmerliste des Meetings unter Berichte, als CSV exportiert; bei einer Webkonferenz deren Teilnehmerbericht). Personen werden den Anmeldungen über die E-Mail-Adresse, dann über den Namen zugeordnet; geraten wird nie. Eine Sitzung kann mehrere Berichte haben (eine neu gestartete Zoom-Konferenz, ein zweiter Raum): jede Person zählt einmal. Denselben Bericht erneut zu importieren ändert nichts.',
    noSessions: 'Das Programm enthält noch keine Sitzungen.',
    choose: 'Zoom-Bericht importieren',
    reading: 'Wird gelesen …',
    imported: 'Importiert: {{people}} Personen aus {{rows}} Zeilen.',
    matched: 'Zugeordnet über E-Mail-Adresse {{email}}, über Namen {{name}}; nicht zugeordnet {{unmatched}}; zwei Anmeldungen passen {{ambiguous}}.',
    notMatched: 'Nicht zugeordnet',
    none: 'Noch kein Zoom-Bericht.',
    has_one: '{{count}} Zoom-Bericht, {{people}} Personen online: {{files}} (zuletzt importiert {{at}}).',
    has_other: '{{count}} Zoom-Berichte, {{people}} Personen online: {{files}} (zuletzt importiert {{at}}).',
    reportTitle: 'Teilnahmebericht',
    reportBody: 'Jede Sitzung vor Ort (Türscans) und online (Zoom), nach Kategorie und nach Delegation, mit den Gesamtzahlen der Konferenz. Nur Zahlen, keine Namen.',
    pdf: 'PDF herunterladen',
    xlsx: 'Excel-Arbeitsmappe herunterladen',
    problems: {
      no_participant_list: 'Das ist kein Zoom-Teilnehmerbericht: keine Zeile nennt die Spalten für Name und Beitrittszeit oder Dauer. Nichts wurde importiert.',
      no_participants: 'Der Zoom-Bericht nennt niemanden, der teilgenommen hat. Nichts wurde importiert.',
      unreadable: 'Die Datei ließ sich nicht als CSV lesen. Nichts wurde importiert.',
      too_large: 'Die Datei ist zu groß für einen Zoom-Teilnehmerbericht. Nichts wurde importiert.',
      too_many_rows: 'Die Datei hat zu viele Zeilen für den Zoom-Bericht einer Sitzung. Nichts wurde importiert.',
    },
  },
} as const;

// English: the online attendance page (Zoom reports per session, the attendance report).
export const hybrid = {
  attendance: {
    title: 'Online attendance (Zoom)',
    intro: 'After each session, import its Zoom participant report: in the Zoom web portal, the meeting’s participant list under Reports, exported as CSV (for a webinar, its attendee report). People are matched to registrations by e-mail, then by name; nobody is guessed. A session may have several reports (a meeting restarted, a second room): each person counts once. Importing the same report again changes nothing.',
    noSessions: 'The agenda has no sessions yet.',
    choose: 'Import the Zoom report',
    reading: 'Reading…',
    imported: 'Imported: {{people}} people from {{rows}} rows.',
    matched: 'Matched by e-mail {{email}}, by name {{name}}; not matched {{unmatched}}; two registrations fit {{ambiguous}}.',
    notMatched: 'Not matched',
    none: 'No Zoom report yet.',
    has_one: '{{count}} Zoom report, {{people}} people online: {{files}} (last imported {{at}}).',
    has_other: '{{count}} Zoom reports, {{people}} people online: {{files}} (last imported {{at}}).',
    reportTitle: 'Attendance report',
    reportBody: 'Every session in person (door scans) and online (Zoom), by category and by delegation, with the conference totals. Numbers only, no names.',
    pdf: 'Download PDF',
    xlsx: 'Download Excel workbook',
    problems: {
      no_participant_list: 'This is not a Zoom participant report: no line names the columns “Name (Original Name)” and “Join Time” or “Duration (Minutes)”. Nothing was imported.',
      no_participants: 'The Zoom report lists nobody who joined. Nothing was imported.',
      unreadable: 'The file could not be read as CSV. Nothing was imported.',
      too_large: 'The file is too large for a Zoom participant report. Nothing was imported.',
      too_many_rows: 'The file has too many rows for one session’s Zoom report. Nothing was imported.',
    },
  },
} as const;

// Français: the online attendance page (Zoom reports per session, the attendance report).
export const hybrid = {
  attendance: {
    title: 'Participation en ligne (Zoom)',
    intro: 'Après chaque séance, importez son rapport des participants Zoom (sur le portail Zoom, la liste des participants de la réunion sous Rapports, exportée en CSV ; pour un webinaire, son rapport des participants). Les personnes sont rapprochées des inscriptions par le courriel, puis par le nom ; rien n’est deviné. Une séance peut avoir plusieurs rapports (une réunion relancée, une seconde salle) : chaque personne compte une fois. Importer de nouveau le même rapport ne change rien.',
    noSessions: 'Le programme ne contient encore aucune séance.',
    choose: 'Importer le rapport Zoom',
    reading: 'Lecture…',
    imported: 'Importé : {{people}} personnes à partir de {{rows}} lignes.',
    matched: 'Rapprochées par courriel {{email}}, par nom {{name}} ; non rapprochées {{unmatched}} ; deux inscriptions possibles {{ambiguous}}.',
    notMatched: 'Non rapprochées',
    none: 'Pas encore de rapport Zoom.',
    has_one: '{{count}} rapport Zoom, {{people}} personnes en ligne : {{files}} (dernier import {{at}}).',
    has_many: '{{count}} rapports Zoom, {{people}} personnes en ligne : {{files}} (dernier import {{at}}).',
    has_other: '{{count}} rapports Zoom, {{people}} personnes en ligne : {{files}} (dernier import {{at}}).',
    reportTitle: 'Rapport de participation',
    reportBody: 'Chaque séance sur place (scans aux portes) et en ligne (Zoom), par catégorie et par délégation, avec les totaux de la conférence. Des chiffres seulement, aucun nom.',
    pdf: 'Télécharger le PDF',
    xlsx: 'Télécharger le classeur Excel',
    problems: {
      no_participant_list: 'Ce n’est pas un rapport des participants Zoom : aucune ligne ne nomme les colonnes du nom et de l’heure d’arrivée ou de la durée. Rien n’a été importé.',
      no_participants: 'Le rapport Zoom ne cite personne ayant rejoint la réunion. Rien n’a été importé.',
      unreadable: 'Le fichier n’a pas pu être lu comme CSV. Rien n’a été importé.',
      too_large: 'Le fichier est trop volumineux pour un rapport des participants Zoom. Rien n’a été importé.',
      too_many_rows: 'Le fichier a trop de lignes pour le rapport Zoom d’une séance. Rien n’a été importé.',
    },
  },
} as const;

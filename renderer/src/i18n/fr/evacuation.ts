// fr: the evacuation roll call screen (docs/evacuation.md).
import type { Catalog } from '../../../../core/i18n/languages';

export const evacuation = {
  evac: {
    title: 'Évacuation – appel',
    running: 'ÉVACUATION depuis {{at}}',
    drillRunning: 'EXERCICE d’évacuation depuis {{at}}',
    unaccounted: 'pas encore retrouvés',
    safe: 'en sécurité',
    inside: 'à l’intérieur',
    start: 'Lancer l’évacuation',
    drill: 'Lancer un exercice',
    end: 'Terminer l’évacuation',
    started: 'Lancée : chaque poste l’affiche après sa prochaine synchronisation.',
    ended: 'Terminée.',
    exportPdf: 'Liste pour les secours (PDF)',
    exportCsv: 'Liste (CSV)',
    saved: 'Enregistré : {{file}}',
    scanLabel: 'Lieu de rassemblement : scanner un badge',
    markSafe: 'En sécurité',
    undoSafe: 'Annuler',
    elsewhere: 'Dans le bâtiment, salle inconnue',
    roomCount: '{{n}} sur {{total}} pas encore retrouvés',
    freshness: 'Données les plus récentes de chaque poste',
    thisStation: 'ce poste',
    lastSync: 'Dernière synchronisation avec le serveur central {{at}}',
    neverSynced: 'Jamais synchronisé avec un serveur central : la liste ne contient que les données de ce poste.',
    outcome: {
      marked: '{{name}} est en sécurité. {{n}} pas encore retrouvés.',
      already: '{{name}} était déjà en sécurité.',
      not_inside: '{{name}} est en sécurité (ne figurait pas sur la liste des présents).',
      undone: '{{name}} n’est plus marqué en sécurité.',
      unknown: 'Ce badge n’est pas sur la liste de ce poste. Marquez la personne par son nom.',
      no_evacuation: 'Aucune évacuation en cours : lancez-en une d’abord.',
    },
  },
} satisfies Catalog;

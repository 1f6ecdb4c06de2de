// Français: words shared by every screen: app frame, top bar, status bar, errors, desk preferences, categories.
import type { Catalog } from '../../../../core/i18n/languages';

export const common = {
  app: {
    name: 'Foyer',
    navLabel: 'Écrans',
    loading: 'Chargement…',
  },
  nav: {
    checkin: 'Accueil',
    collect: 'Retrait des badges',
    handouts: 'Récepteurs',
    door: 'Porte de salle',
    rooms: 'Salles',
    wall: 'Affichage mural',
    settings: 'Réglages',
    evacuation: 'Évacuation',
  },
  status: {
    station: 'Poste',
    today: 'Jour {{n}} sur {{total}}',
    notEventDay: 'Pas un jour de l’événement',
    checkedIn: '{{count}} / {{total}} enregistrés aujourd’hui',
    syncStandalone: 'Connecté à aucun registre',
    syncOnline: 'Synchronisé',
    syncOnlineAt: 'Synchronisé à {{time}}',
    syncOffline: 'Hors ligne – enregistrement local',
    syncError: 'Problème de synchronisation : {{message}}',
    outbox: 'Pas encore envoyés : {{count}}',
    clockAhead: 'Horloge en avance de {{minutes}} min sur les autres postes – vérifiez l’heure',
    clockBehind: 'Horloge en retard de {{minutes}} min sur les autres postes – vérifiez l’heure',
    unreachable: 'Le service du poste ne répond pas – les scans ne sont pas enregistrés',
    keyInvalid: 'La clé d’accès de cette page n’est plus valable – les scans ne sont pas enregistrés. Ouvrez le lien affiché par le poste au démarrage.',
  },
  errors: {
    offline: 'Le service du poste ne répond pas : rien n’a été enregistré. Attendez un instant et scannez à nouveau ; si cela se répète, appelez le support technique.',
    unauthorised: 'Non enregistré : la clé d’accès de cette page n’est plus valable (le poste a démarré avec une nouvelle clé). Ouvrez le lien affiché par le poste au démarrage.',
    unexpected: 'Un problème est survenu et rien n’a été enregistré. Réessayez ; si cela se répète, appelez le support technique.',
  },
  errorsByCode: {
    disk_full: 'Le disque est plein : rien n’a été enregistré. Libérez de la place (ou appelez le support technique), puis réessayez.',
    storage: 'Foyer ne peut pas écrire dans sa base de données : rien n’a été enregistré. Appelez le support technique.',
    busy: 'La base de données du poste est occupée. Réessayez dans un instant.',
    not_found: 'Cette personne n’est pas dans la liste de ce poste. Cherchez à nouveau ou synchronisez.',
  },
  prefs: {
    label: 'Affichage et son',
    language: 'Langue',
    toDark: 'Thème sombre',
    toLight: 'Thème clair',
    mute: 'Son activé – appuyer pour couper',
    unmute: 'Son coupé – appuyer pour activer',
  },
  reasonFallback: {
    guest: 'invité',
    anotherStation: 'un autre poste',
    theRoom: 'La salle',
    thisRoom: 'cette salle',
  },
  scanner: {
    layoutCorrected: 'La disposition de clavier du lecteur diffère de celle de cet ordinateur ; les scans sont corrigés.',
    ok: 'OK',
  },
} satisfies Catalog;

// Which column means what, recognised by meaning: header texts as the registration systems
// write them (Indico, pretix, Eventbrite, Cvent, hand-made sheets), in the languages those
// systems export in. pretix writes its headers in the event's language (services/export.py:
// `with language(event.settings.locale)`); the German and French strings below are pretix's
// own translations (locale/*/django.po). See docs/import-profiles.md.

import { SOURCE_FIELDS, type SourceField } from '../../core/import/report';

export { SOURCE_FIELDS, type SourceField };

/** Header text folded for comparison: accents, case, punctuation and gender stars ("Teilnehmer*in") ignored. */
export function foldHeader(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/#/g, ' number ')
    .replace(/\*/g, '')
    .replace(/[’'`´]/g, ' ')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Synonyms per field; earlier entries win when several columns mean the same thing. */
const SYNONYMS: Record<SourceField, string[]> = {
  id: [
    'id', 'registration id', 'registrant id', 'registration number', 'registration no', 'participant id', 'participant number',
    'attendee id', 'attendee #', 'attendee number', 'ticket id', 'ticket number', 'uuid', 'reference', 'reference number', 'ref',
    'confirmation number', 'confirmation no', 'confirmation code', 'registrierungsnummer', 'anmeldenummer', 'anmelde id',
    'teilnehmer id', 'teilnehmernummer', 'numero d inscription', 'identifiant', 'id du participant', 'номер регистрации',
    'регистрационный номер', 'идентификатор', 'id участника', 'numero de registro', 'numero di registrazione',
  ],
  orderCode: [
    'order code', 'order #', 'order number', 'order id', 'order', 'bestellnummer', 'bestellcode', 'code de commande',
    'numero de commande', 'код заказа', 'номер заказа', 'codigo de pedido', 'numero de pedido', 'codice ordine',
  ],
  positionId: ['position id', 'position', 'position number', 'positionsnummer', 'numero de position', 'id позиции', 'позиция'],
  givenName: [
    'first name', 'firstname', 'first', 'given name', 'given names', 'forename', 'forenames', 'vorname', 'vornamen', 'prenom',
    'prenoms', 'имя', 'nombre', 'nombres', 'nome', 'voornaam', 'imie', 'імя', 'ім я',
  ],
  familyName: [
    'last name', 'lastname', 'last', 'surname', 'family name', 'family names', 'nachname', 'familienname', 'nom de famille',
    'nom', 'фамилия', 'apellido', 'apellidos', 'cognome', 'achternaam', 'nazwisko', 'прізвище',
  ],
  fullName: [
    'name', 'full name', 'fullname', 'attendee name', 'attendee', 'participant name', 'participant', 'registrant', 'registrant name',
    'name teilnehmerin', 'teilnehmerin name', 'teilnehmer name', 'name des teilnehmers', 'vollstandiger name', 'nom du participant',
    'nom complet', 'nom et prenom', 'имя участника', 'фио', 'полное имя', 'nombre completo', 'nome completo', 'naam',
  ],
  organisation: [
    'organisation', 'organization', 'affiliation', 'company', 'company name', 'institution', 'institute', 'home institute', 'employer',
    'agency', 'organisation name', 'organization name', 'ministry', 'firma', 'unternehmen', 'institution organisation',
    'entreprise', 'societe', 'organisme', 'организация', 'компания', 'учреждение', 'empresa', 'organizacion', 'institucion',
    'organizzazione', 'azienda', 'ente',
  ],
  delegation: [
    'delegation', 'participating state', 'represented state', 'country represented', 'representing', 'delegacion', 'делегация',
    'delegazione', 'vertretung',
  ],
  country: [
    'country', 'country code', 'country region', 'country name', 'nationality', 'citizenship', 'country of residence', 'home country',
    'work country', 'land', 'staat', 'staatsangehorigkeit', 'pays', 'nationalite', 'страна', 'гражданство', 'pais', 'nacionalidad',
    'paese', 'nazionalita',
  ],
  category: [
    'category', 'categorie', 'kategorie', 'категория', 'categoria', 'participant type', 'participant category', 'attendee type',
    'badge type', 'badge category', 'accreditation type', 'accreditation category', 'registration type', 'registration category',
    'type de participant', 'teilnehmertyp', 'teilnehmerkategorie', 'тип участника', 'tipo de participante', 'ticket type',
    'ticket class', 'ticket', 'type', 'role', 'rolle', 'роль', 'product', 'produkt', 'produit', 'продукт', 'товар', 'producto', 'prodotto',
  ],
  variation: ['variation', 'variante', 'вариант', 'variacion', 'variazione'],
  tags: ['tags', 'tag', 'schlagworte', 'etiquettes', 'теги', 'метки', 'etiquetas', 'etichette'],
  status: [
    // Not "state" alone: pretix and address sheets use it for the address's state or province.
    'status', 'registration state', 'registration status', 'attendee status', 'order status', 'ticket status', 'statut',
    'statut de l inscription', 'zustand', 'anmeldestatus', 'bestellstatus', 'статус', 'статус регистрации', 'состояние',
    'estado', 'stato',
  ],
  validDays: ['valid days', 'days', 'dates', 'valid on', 'attendance days', 'tage', 'gultige tage', 'jours', 'дни', 'dias', 'giorni'],
  badgeCode: [
    'badge code', 'badge id', 'badge number', 'ticket secret', 'secret', 'ticket code', 'ticketcode', 'barcode', 'barcode #',
    'barcode number', 'bar code', 'qr', 'qr code', 'qrcode', 'checkin secret', 'check in secret', 'ticket uuid', 'code', 'access code',
    'ticket geheimnis', 'geheimcode', 'code du billet', 'code barre', 'code secret', 'штрихкод', 'код билета', 'codigo de barras', 'codice a barre',
  ],
  notes: ['notes', 'note', 'desk note', 'desk notes', 'remarks', 'hinweis', 'hinweise', 'bemerkung', 'bemerkungen', 'remarques', 'примечание', 'примечания', 'notas'],
  accompanying: [
    'accompanying persons', 'accompanying person', 'begleitpersonen', 'begleitperson', 'personnes accompagnantes', 'accompagnants',
    'сопровождающие лица', 'сопровождающие', 'acompanantes', 'accompagnatori',
  ],
  buyerName: ['invoice address name', 'rechnungsadresse: name', 'adresse de facturation: nom'],
  protected: [
    'protected', 'protected participant', 'protected person', 'safeguarding', 'do not name', 'geschutzt', 'geschutzte person',
    'schutzbedurftig', 'protege', 'protegee', 'personne protegee', 'защищен', 'защищена', 'защищенный', 'защищенное лицо', 'protegido', 'protetto',
  ],
  chosenName: [
    'chosen name', 'preferred name', 'name on badge', 'badge name', 'display name', 'wunschname', 'name auf dem badge', 'nom choisi',
    'nom sur le badge', 'nom d affichage', 'выбранное имя', 'имя на бейдже', 'nombre elegido', 'nome scelto',
  ],
  noPhoto: [
    'no photography', 'no photo', 'no photos', 'no pictures', 'do not photograph', 'keine fotos', 'nicht fotografieren', 'fotoverbot',
    'pas de photo', 'pas de photos', 'ne pas photographier', 'без фото', 'не фотографировать', 'sin fotos', 'no fotografiar', 'niente foto',
  ],
  // Indico exports a picture field as the file's name (PictureField.get_friendly_data); its title is the organiser's.
  picture: [
    'picture', 'photo', 'photograph', 'passport photo', 'id photo', 'badge photo', 'portrait', 'foto', 'lichtbild', 'passfoto', 'bild',
    'photo d identite', 'photographie', 'фото', 'фотография', 'fotografia',
  ],
  protocolHost: [
    'protocol host', 'protocol officer', 'host to notify', 'notify host', 'vip host', 'protokoll gastgeber', 'protokollbeauftragter',
    'protokoll betreuer', 'hote protocole', 'responsable protocole', 'officier de protocole', 'протокол сопровождающий', 'сотрудник протокола',
    'anfitrion protocolo', 'responsabile protocollo',
  ],
  protocolNote: [
    'protocol note', 'protocol alert', 'protocol', 'vip note', 'vip', 'protokoll', 'protokollhinweis', 'note protocole', 'protocole',
    'протокол', 'примечание протокола', 'protocolo', 'protocollo',
  ],
  protocolRoom: ['protocol room', 'escort to', 'vip room', 'protokoll raum', 'begleiten zu', 'salle protocole', 'accompagner a', 'протокол зал', 'сопроводить в'],
  // pretix: "Attendee email" / "E-Mail Teilnehmer*in" (its plain "Email" is the order's); Indico and Cvent: "Email Address".
  email: [
    'attendee email', 'attendee e mail', 'e mail teilnehmerin', 'email teilnehmerin', 'e mail du participant', 'email', 'e mail', 'email address',
    'e mail address', 'mail', 'e mail adresse', 'email adresse', 'mailadresse', 'courriel', 'adresse e mail', 'adresse email', 'adresse electronique',
    'электронная почта', 'эл почта', 'e mail участника', 'email участника', 'почта', 'correo electronico', 'correo', 'posta elettronica',
  ],
};

/** Prefixes of columns about someone else (the buyer, the invoice address): never the attendee's data. */
const NOT_THE_ATTENDEE = /^(invoice|billing|buyer|purchaser|rechnung|adresse de facturation|facturation|acheteur|плательщик|покупатель|comprador|fatturazione)/;

/**
 * pretix's attendee-name parts ("Attendee name: Given name", "Name Teilnehmer*in: Vorname",
 * "Nom du participant: Prénom"): the prefix is the attendee-name column, the rest the part.
 */
const NAME_PARTS: Record<string, SourceField | 'ignore'> = {
  'given name': 'givenName', vorname: 'givenName', prenom: 'givenName', имя: 'givenName', nombre: 'givenName', 'first name': 'givenName',
  'family name': 'familyName', nachname: 'familyName', 'nom de famille': 'familyName', nom: 'familyName', фамилия: 'familyName',
  apellido: 'familyName', 'last name': 'familyName', 'calling name': 'ignore', rufname: 'ignore', title: 'ignore', titel: 'ignore',
  titre: 'ignore', salutation: 'ignore', anrede: 'ignore', 'middle name': 'ignore', 'full name': 'fullName', name: 'fullName',
};

const LOOKUP = new Map<string, { field: SourceField; rank: number }>();
for (const f of SOURCE_FIELDS) {
  SYNONYMS[f].forEach((s, rank) => {
    const k = foldHeader(s);
    if (!LOOKUP.has(k)) LOOKUP.set(k, { field: f, rank });
  });
}

export interface ColumnMeaning {
  field: SourceField;
  /** Lower is a better match among columns of the same field. */
  rank: number;
}

/** What one header means, or null. */
export function classifyHeader(header: string): ColumnMeaning | null {
  const k = foldHeader(header);
  if (!k) return null;
  const direct = LOOKUP.get(k);
  if (direct && (direct.field === 'buyerName' || !NOT_THE_ATTENDEE.test(k))) return direct;
  if (NOT_THE_ATTENDEE.test(k)) return null;
  // "<attendee name>: <part>" (pretix name schemes with several fields).
  const colon = header.lastIndexOf(':');
  if (colon > 0) {
    const prefix = LOOKUP.get(foldHeader(header.slice(0, colon)));
    const part = NAME_PARTS[foldHeader(header.slice(colon + 1))];
    if (prefix?.field === 'fullName' && part && part !== 'ignore') return { field: part, rank: -1 };
    if (prefix?.field === 'fullName' && part === 'ignore') return null;
  }
  return null;
}

/** Column index per field: the best-ranked column, the first one on a tie (pretix repeats "Company"/"Country" for the invoice address). */
export function mapColumns(headers: string[]): Partial<Record<SourceField, number>> {
  const best: Partial<Record<SourceField, { i: number; rank: number }>> = {};
  headers.forEach((h, i) => {
    const m = classifyHeader(h);
    if (!m) return;
    const cur = best[m.field];
    if (!cur || m.rank < cur.rank) best[m.field] = { i, rank: m.rank };
  });
  return Object.fromEntries(Object.entries(best).map(([f, v]) => [f, v!.i])) as Partial<Record<SourceField, number>>;
}

/** How much a row looks like a header row: the number of distinct fields its cells name. */
export function headerScore(cells: string[]): number {
  const fields = new Set<SourceField>();
  for (const c of cells) {
    const m = classifyHeader(c);
    if (m) fields.add(m.field);
  }
  return fields.size;
}

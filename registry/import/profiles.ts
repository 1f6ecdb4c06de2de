// The registration systems Foyer imports as exported, recognised by their headers: what each
// one's export looks like, how its rows get a stable id, and what its status words mean.
// Sources (docs/import-profiles.md):
//   Indico   indico/modules/events/registration/util.py generate_spreadsheet_from_registrations
//            (first columns always "ID", "Name"; "Registration state" = RegistrationState titles,
//            translated into the exporting manager's language)
//   pretix   src/pretix/base/exporters/orderlist.py iterate_positions (sheet "Order positions";
//            headers and status words in the event's language)
//   Eventbrite  Attendee Summary report ("Order #", "Attendee #", "Attendee Status": Attending /
//            Not Attending / Checked In)
//   Cvent    registration report ("Confirmation Number", "Registration Status", "Registration Type")
import type { AttendeeStatus } from '../../core/model';
import { foldHeader, type SourceField } from './fields';

import { PROFILES, type ProfileName } from '../../core/import/report';

export { PROFILES, type ProfileName };

export const PROFILE_LABELS: Record<ProfileName, string> = {
  indico: 'Indico registrants',
  pretix: 'pretix order positions',
  eventbrite: 'Eventbrite attendee report',
  cvent: 'Cvent registration report',
  generic: 'spreadsheet (generic)',
};

const fold = (xs: string[]) => new Set(xs.map(foldHeader));

/** Headers only this source writes (in the languages it exports in). */
const SIGNATURES: Record<Exclude<ProfileName, 'generic'>, Set<string>> = {
  indico: fold([
    'Registration state', 'Registration date', 'Modification date', 'Checked in', 'Check-in date', 'Created by', 'Payment date', 'Tags',
    'Email Address', 'Affiliation', 'Accompanying Persons',
  ]),
  pretix: fold([
    'Event slug', 'Order code', 'Position ID', 'Product', 'Variation', 'Attendee name', 'Attendee email', 'Pseudonymization ID', 'Ticket secret',
    'Sales channel', 'Order locale', 'Order date', 'Order time', 'Tax rate', 'Tax rule', 'Tax value', 'Voucher', 'Seat ID', 'Follow-up date',
    'Payment providers', 'E-mail address verified', 'Invoice address name',
    // German (pretix locale/de)
    'Kurzname der Veranstaltung', 'Bestellnummer', 'Produkt', 'Variante', 'Name Teilnehmer*in', 'E-Mail Teilnehmer*in', 'Pseudonyme ID',
    'Verkaufskanal', 'Bestellsprache', 'Bestelldatum', 'Bestelluhrzeit', 'Steuersatz', 'Steuerregel', 'Gutschein', 'Sitzplatz-ID',
    'Datum zur Wiedervorlage', 'Zahlungsmethoden', 'Rechnungsadresse: Name',
    // French (pretix locale/fr)
    'Code de commande', 'Produit', 'Nom du participant', 'Adresse mail du participant', 'ID pseudonyme', 'canaux de vente', 'Lieu de commande',
    "Taux d'imposition", 'Règle fiscale', 'Bon de réduction', 'Adresse de facturation: nom',
  ]),
  eventbrite: fold([
    'Order #', 'Attendee #', 'Attendee Status', 'Ticket Type', 'Barcode #', 'Order Type', 'Total Paid', 'Fees Paid', 'Eventbrite Fees',
    'Eventbrite Payment Processing', 'Buyer First Name', 'Buyer Last Name', 'Buyer Email', 'Price Tier',
  ]),
  cvent: fold([
    'Confirmation Number', 'Registration Status', 'Registration Type', 'Attendee Type', 'Company Name', 'Registration Date', 'Invitee Status',
    'Reference ID', 'Source ID', 'Registration Path', 'Admission Item', 'Last Modified Date', 'Cancelled Date', 'Group Leader',
  ]),
};

/** Which source wrote these headers; 'generic' when none is clear. */
export function detectProfile(headers: string[]): { profile: ProfileName; score: number } {
  const folded = headers.map(foldHeader);
  let best: { profile: ProfileName; score: number } = { profile: 'generic', score: 0 };
  for (const [name, sig] of Object.entries(SIGNATURES) as [Exclude<ProfileName, 'generic'>, Set<string>][]) {
    let score = new Set(folded.filter((h) => sig.has(h))).size;
    // Indico's exporter always starts with "ID", "Name" (util.py: field_names = ['ID', 'Name']).
    if (name === 'indico' && folded[0] === 'id' && folded[1] === 'name') score += 2;
    if (score > best.score) best = { profile: name, score };
  }
  return best.score >= 2 ? best : { profile: 'generic', score: best.score };
}

type Status = AttendeeStatus;
const words = (status: Status, xs: string[]): [string, Status][] => xs.map((x) => [foldHeader(x), status]);

/** Status words every source shares (en, de, fr, ru, es, it, pl, pt, uk, tr). '' = no status given. */
const COMMON = new Map<string, Status>([
  ...words('active', [
    '', 'active', 'aktiv', 'actif', 'активен', 'activo', 'attivo', 'paid', 'bezahlt', 'payé', 'payée', 'оплачен', 'оплачено', 'оплачена',
    'pagado', 'pagato', 'confirmed', 'bestätigt', 'confirmé', 'confirmée', 'подтвержден', 'подтверждена', 'confirmado', 'confermato',
    'registered', 'registriert', 'angemeldet', 'inscrit', 'inscrite', 'зарегистрирован', 'зарегистрирована', 'registrado', 'registrato',
    'approved', 'genehmigt', 'freigegeben', 'approuvé', 'одобрен', 'одобрена', 'aprobado', 'approvato', 'complete', 'completed',
    'abgeschlossen', 'vollständig', 'complet', 'complété', 'complétée', 'terminé', 'завершен', 'завершена', 'завершено', 'completado',
    'completato', 'completata', 'zakończona', 'ukończona', 'concluído', 'concluída', 'завершено', 'tamamlandı', 'accepted', 'akzeptiert',
    'angenommen', 'accepté', 'acceptée', 'принят', 'принята', 'aceptado', 'accettato', 'attending', 'checked in', 'eingecheckt', 'yes', 'ok',
    'valid', 'gültig', 'valide',
  ]),
  ...words('cancelled', [
    'cancelled', 'canceled', 'storniert', 'abgesagt', 'annulé', 'annulée', 'отменен', 'отменена', 'отменено', 'cancelado', 'cancelada',
    'annullato', 'annullata', 'anulowana', 'скасовано', 'iptal edildi', 'withdrawn', 'zurückgezogen', 'retiré', 'retirée', 'отозван',
    'отозвана', 'retirado', 'retirada', 'ritirato', 'ritirata', 'wycofana', 'відкликано', 'geri çekildi', 'not attending', 'refunded',
    'erstattet', 'remboursé', 'возвращен', 'reembolsado', 'rimborsato', 'expired', 'abgelaufen', 'expiré', 'expirée', 'истек', 'истекла',
    'caducado', 'scaduto', 'deleted', 'gelöscht', 'supprimé', 'удален', 'transferred', 'inactive',
  ]),
  ...words('revoked', ['revoked', 'widerrufen', 'révoqué', 'отозван билет']),
  ...words('pending', [
    'pending', 'pending approval', 'awaiting approval', 'ausstehend', 'freigabe ausstehend', 'en attente', "en attente d'approbation",
    'в ожидании', 'ожидает', 'ожидает одобрения', 'ожидает подтверждения', 'pendiente', 'pendiente de aprobación', 'in attesa',
    "in attesa di approvazione", 'oczekująca', 'pendente', 'очікує', 'beklemede', 'new', 'neu', 'nouveau',
  ]),
  ...words('unpaid', [
    'unpaid', 'awaiting payment', 'payment pending', 'balance due', 'zahlung ausstehend', 'unbezahlt', 'nicht bezahlt',
    'en attente de paiement', 'non payé', 'ожидает оплаты', 'не оплачен', 'не оплачено', 'pendiente de pago', 'in attesa di pagamento',
  ]),
  ...words('rejected', [
    'rejected', 'abgelehnt', 'rejeté', 'rejetée', 'refusé', 'refusée', 'отклонен', 'отклонена', 'отклонено', 'rechazado', 'rechazada',
    'rifiutato', 'rifiutata', 'odrzucona', 'rejeitado', 'відхилено', 'reddedildi', 'declined', 'denied',
  ]),
  ...words('waitlisted', [
    'waitlisted', 'waiting list', 'on waiting list', 'waitlist', 'warteliste', 'auf der warteliste', "liste d'attente", "en liste d'attente",
    'лист ожидания', 'в листе ожидания', 'lista de espera', "lista d'attesa",
  ]),
]);

/** Where a source's words mean something else than the common table says. */
const BY_SOURCE: Record<ProfileName, Map<string, Status>> = {
  // Indico lets "Awaiting payment" registrations check in (controllers/api/checkin_legacy.py
  // accepts complete and unpaid); Pending is "pending approval".
  indico: new Map([
    ...words('active', ['awaiting payment', 'zahlung ausstehend', 'en attente de paiement', 'ожидает оплаты', 'unpaid']),
    ...words('pending', ['pending', 'ausstehend', 'en attente', 'в ожидании', 'ожидает']),
  ]),
  // pretix "pending" (n) is an order not paid yet; "expired" orders were never paid.
  pretix: new Map([...words('unpaid', ['pending', 'ausstehend', 'en attente', 'в ожидании', 'ожидает', 'pendiente', 'in attesa'])]),
  eventbrite: new Map([...words('cancelled', ['not attending', 'deleted', 'transferred', 'refunded'])]),
  cvent: new Map([
    ...words('pending', ['pending', 'pending approval', 'no response', 'visited', 'invited']),
    ...words('rejected', ['declined', 'denied']),
  ]),
  generic: new Map(),
};

/** A status word from this source → Foyer status; null when it is not understood. */
export function statusFor(profile: ProfileName, text: string, rules: Map<string, Status>): Status | null {
  const k = foldHeader(text);
  return rules.get(k) ?? BY_SOURCE[profile].get(k) ?? COMMON.get(k) ?? null;
}

/** Columns a profile needs to build its ids (pretix: order code + position). */
export function stableIdParts(profile: ProfileName, has: Partial<Record<SourceField, number>>): SourceField[] {
  if (has.id !== undefined) return ['id'];
  if (has.orderCode !== undefined && has.positionId !== undefined) return ['orderCode', 'positionId'];
  if (profile === 'pretix' && has.badgeCode !== undefined) return ['badgeCode'];
  return [];
}

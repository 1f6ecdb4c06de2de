// One pass over the source rows: Foyer's rules (names, stable ids, categories, statuses,
// countries, valid days, badge codes) applied to each, problems listed by row and column,
// and the same warning given once per distinct value rather than once per row.
import crypto from 'node:crypto';
import { hasAlert } from '../../core/checkin/protocol-alert';
import { CATEGORIES, MAX_EVENT_DAYS, type AttendeeStatus, type Category } from '../../core/model';
import { isCalendarDay } from '../../core/time';
import { matchCategory, type CategoryRules } from './categories';
import { toCountryCode } from './countries';
import type { SourceField } from './fields';
import { statusFor, type ProfileName } from './profiles';
import type { ImportedAttendee, ImportProblem, SourceRow } from './types';

export interface ValidateContext {
  profile: ProfileName;
  defaultCategory: Category;
  /** Whether the organiser chose the default (no warning then for a missing category column). */
  defaultChosen: boolean;
  categoryRules: CategoryRules;
  statusRules: Map<string, AttendeeStatus>;
  /** Column header per field, for problem reports. */
  columns: Partial<Record<SourceField, string>>;
}

export interface Validated {
  records: ImportedAttendee[];
  errors: ImportProblem[];
  warnings: ImportProblem[];
  /** Rows with errors. */
  bad: number;
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** An address a mail server could hold: one @, no spaces or control characters, at most 254 characters. */
const EMAIL = /^(?=.{3,254}$)[^\s@\u0000-\u001f\u007f]+@[^\s@\u0000-\u001f\u007f]+$/;
const LIMITS = { givenName: 200, familyName: 200, organisation: 300, delegation: 200, notes: 2000 } as const;

/** Collects "the same thing on many rows" into one warning with a count and the first row. */
class Tally {
  private m = new Map<string, { row: number; column: string; n: number; code: string; params: Record<string, string>; reason: (n: number) => string }>();
  add(key: string, row: number, column: string, code: string, params: Record<string, string>, reason: (n: number) => string) {
    const cur = this.m.get(key);
    if (cur) cur.n++;
    else this.m.set(key, { row, column, n: 1, code, params, reason });
  }
  list(): ImportProblem[] {
    return [...this.m.values()].map((w) => ({ row: w.row, column: w.column, reason: w.reason(w.n), code: w.code, params: { ...w.params, count: w.n } }));
  }
}

const rowsWord = (n: number) => (n === 1 ? '1 row' : `${n} rows`);

export function stableId(parts: string[]): string {
  const raw = parts.join('-');
  if (raw.length <= 64) return raw;
  return `h-${crypto.createHash('sha256').update(raw).digest('hex').slice(0, 40)}`;
}

/** A lookup remembered per distinct text: a list repeats a few categories, statuses and countries 100,000 times. */
function remembered<T>(f: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    let v = seen.get(text);
    if (v === undefined && !seen.has(text)) seen.set(text, (v = f(text)));
    return v as T;
  };
}

export function validateRows(rows: SourceRow[], ctx: ValidateContext): Validated {
  const categoryOf = remembered((key) => {
    const [cat, variation] = JSON.parse(key) as [string, string];
    return matchCategory(cat, variation, ctx.categoryRules);
  });
  const statusOf = remembered((word) => statusFor(ctx.profile, word, ctx.statusRules));
  const countryOf = remembered(toCountryCode);
  const errors: ImportProblem[] = [];
  const tally = new Tally();
  const records: ImportedAttendee[] = [];
  const seenIds = new Map<string, number>();
  const seenCodes = new Map<string, number>();
  const namedOrders = new Set<string>();
  const col = (f: SourceField) => ctx.columns[f] ?? f;
  let bad = 0;

  for (const r of rows) {
    const rowErrors: ImportProblem[] = [];
    const err = (f: SourceField, code: string, reason: string, params: Record<string, string | number> = {}) => rowErrors.push({ row: r.row, column: col(f), reason, code, params });
    let givenName = (r.givenName ?? '').trim();
    let familyName = (r.familyName ?? '').trim();
    if (!givenName && !familyName && r.fullName?.trim()) {
      givenName = r.fullName.trim();
      tally.add('fullname', r.row, col('fullName'), 'full_name_only', {}, (n) => `Only a full name for ${rowsWord(n)}: kept whole (as the given name), not split.`);
    }
    const realName = Boolean(givenName || familyName);
    if (!givenName && !familyName && r.buyerName?.trim()) {
      // pretix events that ask no attendee name: the person who ordered is the one listed.
      if (r.orderCode && namedOrders.has(r.orderCode)) {
        tally.add('addon', r.row, col('fullName'), 'addon_skipped', {}, (n) => `${rowsWord(n)} without an attendee name belong to an order already listed (add-ons): skipped.`);
        continue;
      }
      givenName = r.buyerName.trim();
      tally.add('buyer', r.row, col('buyerName'), 'buyer_name_used', {}, (n) => `No attendee name on ${rowsWord(n)}: the invoice name was used.`);
    }
    if (!givenName && !familyName) {
      if (r.orderCode && namedOrders.has(r.orderCode)) {
        tally.add('addon', r.row, col('fullName'), 'addon_skipped', {}, (n) => `${rowsWord(n)} without an attendee name belong to an order already listed (add-ons): skipped.`);
        continue;
      }
      err(ctx.columns.familyName ? 'familyName' : ctx.columns.givenName ? 'givenName' : 'fullName', 'name_empty', 'The name is empty.');
    }
    if (r.orderCode && realName) namedOrders.add(r.orderCode);

    const text = { givenName, familyName, organisation: (r.organisation ?? '').trim(), delegation: (r.delegation ?? '').trim(), notes: (r.notes ?? '').trim() };
    for (const f of ['givenName', 'familyName', 'organisation', 'delegation', 'notes'] as const) {
      if (text[f].length > LIMITS[f]) err(f, 'too_long', `Longer than ${LIMITS[f]} characters.`, { max: LIMITS[f] });
      if (CONTROL.test(text[f])) err(f, 'control_characters', 'Contains control characters.');
    }

    // Category: the organiser's rules, a category's name, words in a product's name, else the default.
    const catText = (r.category ?? '').trim();
    const variation = (r.variation ?? '').trim();
    let category: Category = ctx.defaultCategory;
    let m = catText || variation ? categoryOf(JSON.stringify([catText, variation])) : null;
    if (!m && r.tags) for (const t of r.tags.split(/[;,]/)) m ??= categoryOf(JSON.stringify([t.trim(), '']));
    if (m) category = m.category;
    else if (catText || variation) {
      const shown = [catText, variation].filter(Boolean).join(' – ').slice(0, 80);
      tally.add(`cat:${shown}`, r.row, col('category'), 'unknown_category', { value: shown, category: ctx.defaultCategory }, (n) =>
        `"${shown}" (${rowsWord(n)}) is not a Foyer category: imported as ${ctx.defaultCategory}. Map it with --category-rule "${shown}=<category>" (${CATEGORIES.join(', ')}).`,
      );
    } else if (!ctx.defaultChosen) {
      tally.add('nocat', r.row, col('category'), 'no_category', { category: ctx.defaultCategory }, (n) => `No category for ${rowsWord(n)}: imported as ${ctx.defaultCategory} (choose another with --default-category).`);
    }

    // Status: what the source's word means; a word nobody knows is not admitted (safer), loudly.
    let status: AttendeeStatus = r.knownStatus ?? 'active';
    if (!r.knownStatus) {
      const word = (r.status ?? '').trim();
      const s = statusOf(word);
      if (s) status = s;
      else {
        status = 'pending';
        tally.add(`status:${word.toLowerCase()}`, r.row, col('status'), 'unknown_status', { value: word.slice(0, 40) }, (n) =>
          `Status "${word.slice(0, 40)}" (${rowsWord(n)}) is not understood: imported as not confirmed, so the desk will not admit them. If it means registered, import again with --status-rule "${word.slice(0, 40)}=active".`,
        );
      }
    }

    // Country: ISO code or a name in any language; an unknown one stays readable as the delegation.
    let country = '';
    let delegation = text.delegation;
    const countryText = (r.country ?? '').trim();
    if (countryText) {
      const code = countryOf(countryText);
      if (code) country = code;
      else {
        if (!delegation) delegation = countryText.slice(0, 200);
        tally.add(`country:${countryText}`, r.row, col('country'), 'unknown_country', { value: countryText.slice(0, 60) }, (n) =>
          `"${countryText.slice(0, 60)}" (${rowsWord(n)}) is not a country Foyer knows: kept as the delegation's name, with no country code.`,
        );
      }
    } else if (delegation) country = countryOf(delegation) ?? '';

    const validDays = toDays((r.validDays ?? '').trim());
    if (validDays === undefined) err('validDays', 'bad_days', 'Valid days must be dates like 2026-04-18, separated by ";" or ",".');

    const codes = (r.badgeCodes ?? []).map((c) => c.trim()).filter(Boolean);
    for (const c of codes) {
      if (c.length > 256) err('badgeCode', 'code_too_long', 'Badge code longer than 256 characters.');
      if (seenCodes.has(c)) err('badgeCode', 'same_code', `Same badge code as row ${seenCodes.get(c)}.`, { other: seenCodes.get(c)! });
    }
    if (codes.length > 10) err('badgeCode', 'too_many_codes', 'More than 10 badge codes.');

    let id = (r.id ?? '').trim();
    if (!id && r.orderCode?.trim() && r.positionId?.trim()) id = `${r.orderCode.trim()}-${r.positionId.trim()}`;
    if (!id && codes[0]) id = `code-${crypto.createHash('sha256').update(codes[0]).digest('hex').slice(0, 24)}`;
    if (!id && (givenName || familyName)) {
      // No id in the source: the name and organisation identify the person, so a re-import updates them.
      id = `n-${crypto.createHash('sha256').update([givenName, familyName, text.organisation, delegation].join('\u0000').toLowerCase()).digest('hex').slice(0, 24)}`;
      tally.add('noid', r.row, col('id'), 'no_id', {}, (n) => `No id column: ${rowsWord(n)} are recognised on re-import by name and organisation.`);
    }
    id = stableId([id]);
    if (CONTROL.test(id)) err('id', 'control_characters', 'The id contains control characters.');
    if (id && seenIds.has(id)) err('id', 'same_id', `Same id as row ${seenIds.get(id)}.`, { other: seenIds.get(id)! });

    // Safeguarding: only when the file has the column (absent = leave as the registry has it).
    const chosenName = (r.chosenName ?? '').trim();
    if (chosenName.length > LIMITS.givenName) err('chosenName', 'too_long', `Longer than ${LIMITS.givenName} characters.`, { max: LIMITS.givenName });
    if (CONTROL.test(chosenName)) err('chosenName', 'control_characters', 'Contains control characters.');
    const safeguarding = {
      ...(r.protected !== undefined ? { protected: yesNo(r.protected, 'protected', r.row, col('protected'), tally) } : {}),
      ...(r.chosenName !== undefined ? { chosenName } : {}),
      ...(r.noPhoto !== undefined ? { noPhoto: yesNo(r.noPhoto, 'noPhoto', r.row, col('noPhoto'), tally) } : {}),
    };
    // A protocol alert: only when the file has one of its columns; all empty = none (an import never clears one: the console does).
    const cell = (v: string | undefined, max: number, field: 'protocolHost' | 'protocolNote' | 'protocolRoom') => {
      const s = (v ?? '').trim();
      if (s.length > max) err(field, 'too_long', `Longer than ${max} characters.`, { max });
      if (CONTROL.test(s)) err(field, 'control_characters', 'Contains control characters.');
      return s;
    };
    const alert = { host: cell(r.protocolHost, 200, 'protocolHost'), note: cell(r.protocolNote, 300, 'protocolNote'), room: cell(r.protocolRoom, 200, 'protocolRoom') };
    const protocol = hasAlert(alert) ? { protocol: alert } : {};
    // An e-mail only helps match people later (Zoom reports): a bad one is left out with a warning, never refused.
    const given = (r.email ?? '').trim();
    const email = EMAIL.test(given) ? given : '';
    if (given && !email) tally.add('email', r.row, col('email'), 'email_invalid', { value: given.slice(0, 60) }, (n) => `${rowsWord(n)} have an e-mail address that is not one (like "${given.slice(0, 60)}"): left out.`);

    if (rowErrors.length > 0) {
      bad++;
      errors.push(...rowErrors);
      continue;
    }
    seenIds.set(id, r.row);
    for (const c of codes) seenCodes.set(c, r.row);
    const base = { organisation: text.organisation, delegation, country, validDays: validDays ?? null, status, badgeVersion: 1, notes: text.notes, source: 'registry' as const };
    // The picture cell: only its file name matters (registry/photos/archive.ts); a path or URL keeps its last part.
    const photoRef = (r.picture ?? '').trim().split(/[\\/]/).pop()!.slice(0, 255);
    const picture = photoRef && !CONTROL.test(photoRef) ? { photoRef } : {};
    records.push({ id, givenName, familyName, category, badgeCodes: codes, ...base, ...safeguarding, ...protocol, ...(email ? { email } : {}), ...picture });

    // Accompanying persons are persons of their own (not admitted on the registrant's badge).
    const persons = r.persons ?? parseAccompanying(r.accompanying ?? '');
    persons.forEach((p, i) => {
      const pid = stableId([`${id}-acc-${p.key || String(i + 1)}`]);
      const pcodes = p.badgeCodes.filter((c) => !seenCodes.has(c));
      for (const c of pcodes) seenCodes.set(c, r.row);
      seenIds.set(pid, r.row);
      records.push({ id: pid, givenName: p.givenName.slice(0, 200), familyName: p.familyName.slice(0, 200), category: ctx.defaultCategory, badgeCodes: pcodes, ...base, organisation: '', notes: '' });
    });
  }
  return { records, errors, warnings: tally.list(), bad };
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', '✓', '✔', 'ja', 'j', 'oui', 'o', 'да', 'si', 'sí', 'sì', 'wahr', 'vrai', 'protected', 'geschützt', 'protégé', 'protégée']);
const NO = new Set(['', 'no', 'n', 'false', '0', '-', 'nein', 'non', 'нет', 'falsch', 'faux']);

/**
 * A safeguarding cell: yes or no in the usual spellings. Anything else counts as yes — wrongly
 * hiding a name costs little, wrongly showing one may cost a lot — and is reported once per value.
 */
function yesNo(cell: string, field: 'protected' | 'noPhoto', row: number, column: string, tally: Tally): boolean {
  const v = cell.trim().toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  tally.add(`${field}:${v}`, row, column, 'not_yes_no', { value: cell.trim().slice(0, 40) }, (n) => `"${cell.trim().slice(0, 40)}" (${rowsWord(n)}) is not yes or no: read as yes, to be safe.`);
  return true;
}

/** "Ana Ruiz; Doe, John" (Indico's accompanying-persons cell) → persons. */
function parseAccompanying(text: string): { key: string; givenName: string; familyName: string; badgeCodes: string[] }[] {
  if (!text.trim() || /^\d+$/.test(text.trim())) return [];
  return text
    .split(/\s*;\s*/)
    .filter(Boolean)
    .slice(0, 20)
    .map((n, i) => {
      const comma = n.indexOf(', ');
      return comma > 0
        ? { key: String(i + 1), givenName: n.slice(comma + 2).trim(), familyName: n.slice(0, comma).trim(), badgeCodes: [] }
        : { key: String(i + 1), givenName: n.trim(), familyName: '', badgeCodes: [] };
    });
}

/** '' → null (every day); undefined = invalid. */
function toDays(text: string): string[] | null | undefined {
  if (!text) return null;
  const parts = text.split(/[;,\s]+/).filter(Boolean);
  if (parts.length <= MAX_EVENT_DAYS && parts.every(isCalendarDay)) return parts;
  return undefined;
}

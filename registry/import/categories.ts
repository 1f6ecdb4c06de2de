// Products, ticket types, registration types and category columns → Foyer categories.
// Order of trust: the organiser's own rules (--category-rule "Press pass=media"), then a
// category's name in any of the desk's languages, then words in the product's name
// ("Early bird – Press pass" is media), else the default category with a warning.
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../../core/model';
import { foldHeader } from './fields';

const fold = foldHeader;

/** Category names as people write them (en/de/fr/ru and the codes themselves). */
const NAMES = new Map<string, Category>();
const name = (c: Category, xs: string[]) => xs.forEach((x) => NAMES.set(fold(x), c));
for (const c of CATEGORIES) name(c, [c, c.replace('_', ' '), CATEGORY_LABELS[c]]);
name('delegation', ['Delegation', 'Délégation', 'Делегация', 'participating state', 'delegate', 'Delegierte', 'délégué', 'делегат']);
name('partner', ['Partner for Co-operation', 'Partners for Co-operation', 'Kooperationspartner', 'Partenaire pour la coopération', 'Партнер по сотрудничеству']);
name('io', ['International organisation', 'International organization', 'IO', 'IGO', 'Internationale Organisation', 'Organisation internationale', 'Международная организация']);
name('ngo', ['NGO', 'NGO / civil society', 'civil society', 'NGO / Zivilgesellschaft', 'ONG / société civile', 'НКО / гражданское общество', 'ONG', 'NRO']);
name('private_sector', ['Private sector', 'Privatwirtschaft', 'Secteur privé', 'Частный сектор', 'business']);
name('media', ['Media', 'Press', 'Medien', 'Presse', 'Médias', 'СМИ', 'journalist']);
name('speaker', ['Speaker', 'Vortragende', 'Intervenant', 'Intervenants', 'Докладчик', 'Докладчики', 'panelist', 'panellist', 'moderator']);
name('staff', ['Staff', 'Personal', 'Personnel', 'Персонал', 'organiser', 'organizer', 'secretariat']);
name('participant', ['Participant', 'Participants', 'Teilnehmer', 'Teilnehmer*in', 'Teilnehmende', 'Участник', 'Участники', 'attendee', 'general admission']);

/** Words inside product names; checked in this order (a "speaker press kit" is a speaker). */
const WORDS: [Category, RegExp][] = [
  ['speaker', /speaker|panel+ist|moderat|keynote|presenter|referent|redner|intervenant|orateur|conferencier|докладчик|спикер|выступающ|ponente|orador|relatore/],
  ['media', /press|media|medien|journalist|reporter|photograph|camera|\btv\b|radio|сми|пресс|журналист|prensa|periodist|stampa|giornalist/],
  ['staff', /staff|organi[sz]er|organisator|secretariat|sekretariat|volunteer|helfer|freiwillig|crew|mitarbeit|personnel|benevole|организатор|персонал|волонтер|секретариат|voluntari/],
  ['partner', /partner|partenaire|партнер|socio/],
  ['io', /international organi[sz]ation|internationale organisation|organisation internationale|intergovernmental|\bigo\b|\bio\b|united nations|vereinte nationen|nations unies|\bоон\b|международн|organizacion internacional|organizzazione internazional/],
  ['ngo', /\bngos?\b|\bnro\b|\bong\b|\bнко\b|civil society|zivilgesellschaft|societe civile|гражданск|sociedad civil|societa civile|non ?governmental|nichtregierung|survivor|uberlebend|survivant|academ|universit|think tank|research/],
  ['private_sector', /private sector|privatwirtschaft|secteur prive|частн|sector privado|settore privato|business|industry|wirtschaft|corporate|unternehmen|entreprise/],
  ['delegation', /delegat|delegation|participating state|delegue|делегац|делегат|delegad|delegaz|government|regierung|gouvernement|правительств|ministry|ministerium|ministere|министерств|embassy|botschaft|ambassade|посольств|permanent mission|mission permanente/],
  ['participant', /participant|teilnehm|attendee|general admission|standard|regular|участник/],
];

export type CategoryRules = Map<string, Category>;

/** "Press pass=media" → rule; throws with a sentence on a bad category. */
export function parseCategoryRule(text: string): [string, Category] {
  const eq = text.lastIndexOf('=');
  const value = text.slice(0, eq).trim();
  const cat = text.slice(eq + 1).trim();
  const c = eq > 0 ? toCategoryName(cat) : null;
  if (!value || !c) throw new Error(`Category rule "${text}": write it as "Value=category", with a category among ${CATEGORIES.join(', ')}.`);
  return [fold(value), c];
}

/** A category named in words ("Media", "private sector", "ngo") → Category; null otherwise. */
export function toCategoryName(text: string): Category | null {
  return NAMES.get(fold(text)) ?? null;
}

export type CategoryMatch = { category: Category; how: 'rule' | 'name' | 'words' } | null;

/** The category for a row's category text (and a pretix variation), or null when nothing says. */
export function matchCategory(text: string, variation: string, rules: CategoryRules): CategoryMatch {
  const t = fold(text);
  const v = fold(variation);
  const both = v ? `${t} ${v}`.trim() : t;
  for (const k of [both, v, t]) if (k && rules.has(k)) return { category: rules.get(k)!, how: 'rule' };
  for (const k of [v, t]) if (k && NAMES.has(k)) return { category: NAMES.get(k)!, how: 'name' };
  for (const k of [v, t]) {
    if (!k) continue;
    for (const [c, re] of WORDS) if (re.test(k)) return { category: c, how: 'words' };
  }
  return null;
}

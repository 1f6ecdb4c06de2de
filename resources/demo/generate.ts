// The embedded demo event: the 23rd Alliance against Trafficking in Persons
// conference (Hofburg, Vienna, 18–19 April 2023), replayed on today and tomorrow
// so a new user can check people in at once. Deterministic: same seed, same people.
// Pure data generation; runs anywhere (station seed, registry import, tests, bench).
import type { BundleAttendee, BundleRoom, BundleSession, EventBundle } from '../../core/event-bundle';
import type { Category } from '../../core/model';
import { addDays, localToMillis } from '../../core/time';
import { nameFrom, ORGANISATIONS, PARTNERS, POOLS, STATES } from './names';

export const DEMO_EVENT_ID = 'atip-23';
export const DEMO_TIME_ZONE = 'Europe/Vienna';

export const DEMO_ROOMS: BundleRoom[] = [
  { id: 'festsaal', name: 'Festsaal', capacity: 700, floor: '1st floor', allowedCategories: null },
  { id: 'zeremoniensaal', name: 'Zeremoniensaal', capacity: 400, floor: '1st floor', allowedCategories: null },
  { id: 'neuer-saal', name: 'Neuer Saal', capacity: 250, floor: '2nd floor', allowedCategories: null },
  { id: 'ratsaal', name: 'Ratsaal', capacity: 120, floor: '2nd floor', allowedCategories: null },
  { id: 'forschungssaal', name: 'Forschungssaal', capacity: 60, floor: 'Mezzanine', allowedCategories: null },
  { id: 'press-room', name: 'Press room (Trabantenstube)', capacity: 40, floor: 'Ground floor', allowedCategories: ['media', 'staff'] },
];

/** [day index, start, end, room, title, categories or null] */
const AGENDA: [number, string, string, string, string, string[] | null][] = [
  [0, '09:30', '11:00', 'festsaal', 'Opening session', null],
  [0, '11:30', '13:00', 'festsaal', 'Panel 1: The nature and scale of the problem', null],
  [0, '13:00', '14:15', 'ratsaal', 'Side event: Technology-facilitated trafficking', null],
  [0, '13:00', '14:15', 'forschungssaal', 'Side event: Child trafficking and online exploitation', null],
  [0, '14:30', '16:00', 'zeremoniensaal', 'Survivor-led discussion: leadership and meaningful engagement', null],
  [0, '16:30', '18:00', 'festsaal', 'Panel 2: Systems and structures that enable trafficking', null],
  [0, '08:30', '18:00', 'press-room', 'Press working room', ['media', 'staff']],
  [1, '09:30', '11:00', 'festsaal', 'Panel 3: Laws and policies that make a difference', null],
  [1, '11:30', '13:00', 'neuer-saal', 'Side event: Supply chains and public procurement', null],
  [1, '11:30', '13:00', 'ratsaal', 'Side event: Partnerships with the private sector', null],
  [1, '14:00', '15:30', 'festsaal', 'Closing session', null],
  [1, '08:30', '16:00', 'press-room', 'Press working room', ['media', 'staff']],
];

/** Mulberry32: tiny, deterministic, good enough for demo data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const B32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no I/O/0/1: read aloud without confusion

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)]!;
}

function uuidFrom(rnd: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rnd() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(rnd() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The chosen names of the demo's protected participants (docs/safeguarding.md). */
export const DEMO_CHOSEN_NAMES = ['Amani', 'Nour', 'Sky', 'Lior'] as const;

/**
 * Safeguarding in the demo, without drawing from the random stream (a seed keeps its people): the
 * first members of the survivor-led organisations are protected, go by a chosen name and asked for
 * no photography; every 150th other person asked for no photography too.
 */
function markSafeguarding(attendees: BundleAttendee[]): void {
  const survivors = attendees.filter((a) => a.status === 'active' && (a.organisation === 'Survivor Alliance' || a.organisation === 'Survivors of Slavery Network'));
  survivors.slice(0, DEMO_CHOSEN_NAMES.length).forEach((a, i) => Object.assign(a, { protected: true, chosenName: DEMO_CHOSEN_NAMES[i], noPhoto: true }));
  attendees.forEach((a, i) => {
    if (i % 150 === 149 && !a.protected) a.noPhoto = true;
  });
}

export function generateDemoEvent(firstDay: string, opts: { attendees?: number; seed?: number } = {}): EventBundle {
  const rnd = prng(opts.seed ?? 23);
  const days = [firstDay, addDays(firstDay, 1)];
  const tz = DEMO_TIME_ZONE;
  const sessions: BundleSession[] = AGENDA.map(([d, start, end, roomId, title, cats], i) => ({
    id: `s${i + 1}`,
    roomId,
    title,
    startsAt: localToMillis(days[d]!, start, tz),
    endsAt: localToMillis(days[d]!, end, tz),
    allowedCategories: cats,
  }));

  const target = opts.attendees ?? 1200;
  const attendees: BundleAttendee[] = [];
  const usedCodes = new Set<string>();
  const add = (category: Category, delegation: string, country: string, organisation: string, poolKey: string) => {
    const pool = POOLS[poolKey] ?? POOLS.en!;
    let code: string;
    do code = 'A23-' + Array.from({ length: 6 }, () => pick(rnd, B32.split(''))).join('');
    while (usedCodes.has(code));
    usedCodes.add(code);
    const r = rnd();
    attendees.push({
      id: uuidFrom(rnd),
      ...nameFrom(pool, rnd),
      organisation,
      delegation,
      country,
      category,
      // Most people come both days; some only one.
      validDays: r < 0.08 ? [days[0]!] : r < 0.12 ? [days[1]!] : null,
      status: rnd() < 0.01 ? 'cancelled' : 'active',
      badgeCode: code,
      notes: rnd() < 0.01 ? pick(rnd, ['Needs wheelchair access', 'Sign-language interpretation requested', 'Collect invitation letter']) : '',
    });
  };

  // Delegations: 57 participating States, 11 Partners for Co-operation.
  for (const [cc, name, pool] of STATES) {
    const n = 5 + Math.floor(rnd() * 6);
    for (let i = 0; i < n; i++) add('delegation', name, cc, `Delegation of ${name}`, pool);
  }
  for (const [cc, name, pool] of PARTNERS) {
    const n = 2 + Math.floor(rnd() * 4);
    for (let i = 0; i < n; i++) add('partner', name, cc, `Delegation of ${name}`, pool);
  }
  const shares: [Category, number][] = [
    ['io', 0.12],
    ['ngo', 0.35],
    ['private_sector', 0.08],
    ['media', 0.1],
    ['speaker', 0.05],
    ['staff', 0.3],
  ];
  const remaining = Math.max(0, target - attendees.length);
  for (const [cat, share] of shares) {
    const n = Math.round(remaining * share);
    for (let i = 0; i < n && attendees.length < target; i++) {
      const org =
        cat === 'staff'
          ? 'OSCE Office of the Special Representative'
          : cat === 'speaker'
            ? pick(rnd, [...ORGANISATIONS.io, ...ORGANISATIONS.ngo])
            : pick(rnd, ORGANISATIONS[cat as keyof typeof ORGANISATIONS] as readonly string[]);
      const [cc, country, pool] = pick(rnd, [...STATES, ...PARTNERS]);
      rnd(); // once a random name pool: still drawn, so a seed keeps its badge codes and categories
      // The name sounds like the country the person comes from (a Georgian name, a Georgian passport).
      add(cat, cat === 'staff' || cat === 'io' ? '' : country, cc, org, pool);
    }
  }
  while (attendees.length < target) {
    const [cc, name, pool] = pick(rnd, STATES);
    add('delegation', name, cc, `Delegation of ${name}`, pool);
  }
  markSafeguarding(attendees);

  return {
    event: {
      id: DEMO_EVENT_ID,
      name: '23rd Alliance against Trafficking in Persons Conference',
      venue: 'Hofburg, Vienna',
      timeZone: tz,
      days,
      description:
        'Demo event. The real conference took place at the Hofburg in Vienna on 18–19 April 2023; ' +
        'here its agenda is placed on today and tomorrow so you can try check-in straight away. ' +
        'All attendees are generated.',
    },
    rooms: DEMO_ROOMS,
    sessions,
    attendees,
  };
}

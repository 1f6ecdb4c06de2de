// The demo's online side: e-mail addresses for most demo registrations (the registry keeps
// them; stations never get them) and a Zoom meeting participant report of the opening session,
// written as Zoom's web portal exports it (Reports → Usage → Participants, US date format, the
// account in Vienna time). It shows what a real one holds: rejoins, a renamed participant, a
// guest known only by a name in Latin letters (a Cyrillic registration), a phone with no name
// anyone registered, and the conference's own host account. docs/hybrid-attendance.md.
import anyAscii from 'any-ascii';
import type { EventBundle } from '../../core/event-bundle';
import { prng } from './generate';

/** The opening session of the demo agenda. */
export const DEMO_ZOOM_SESSION = 's1';

const DOMAINS: Record<string, string> = {
  delegation: 'mfa.example',
  partner: 'mfa.example',
  io: 'io.example',
  ngo: 'ngo.example',
  private_sector: 'company.example',
  media: 'press.example',
  speaker: 'speakers.example',
  staff: 'osce.example',
  participant: 'mail.example',
};

const ascii = (s: string) => anyAscii(s).replace(/[^A-Za-z]+/g, '').toLowerCase();

/** An address for most people (as registration systems hold them); a few registered without one. */
export function demoEmails(bundle: EventBundle): Map<string, string> {
  const rnd = prng(404);
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const a of bundle.attendees) {
    if (rnd() < 0.15) continue;
    const local = [ascii(a.givenName), ascii(a.familyName)].filter(Boolean).join('.') || a.id.slice(0, 8);
    // Namesakes get addresses of their own (maria.garcia2@…), as mail servers hand them out.
    let address = `${local}@${DOMAINS[a.category] ?? 'mail.example'}`;
    for (let n = 2; used.has(address); n++) address = `${local}${n}@${DOMAINS[a.category] ?? 'mail.example'}`;
    used.add(address);
    out.set(a.id, address);
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** "11/30/2026 09:52:10 AM" in Vienna time, as a US-format Zoom account writes it. */
function zoomTime(ms: number): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Vienna', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(ms))
      .map((x) => [x.type, x.value]),
  ) as Record<string, string>;
  const h = Number(p.hour);
  return `${p.month}/${p.day}/${p.year} ${pad(h % 12 === 0 ? 12 : h % 12)}:${p.minute}:${p.second} ${h < 12 ? 'AM' : 'PM'}`;
}

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The opening session's Zoom participant report (CSV text), from the demo's own people. */
export function demoZoomReport(bundle: EventBundle, emails: Map<string, string>): string {
  const session = bundle.sessions.find((s) => s.id === DEMO_ZOOM_SESSION)!;
  const rnd = prng(1930);
  const MIN = 60_000;
  const rows: string[][] = [];
  const row = (name: string, email: string, from: number, to: number, guest: boolean) =>
    rows.push([name, email, zoomTime(from), zoomTime(to), String(Math.ceil((to - from) / MIN)), guest ? 'Yes' : 'No', '', 'No']);
  const start = session.startsAt;
  const end = session.endsAt;
  row('OSCE Conference Zoom (Host)', 'zoom@osce.example', start - 15 * MIN, end + 5 * MIN, false);

  // People who could not travel: delegations, Partners, NGOs and IOs, active and with no badge scanned in the room.
  // Only people whose name nobody else has: a namesake would be "two registrations fit", which
  // the matcher rightly leaves unmatched, and the demo is meant to show the usual case.
  const names = new Map<string, number>();
  for (const a of bundle.attendees) names.set(`${a.givenName} ${a.familyName}`, (names.get(`${a.givenName} ${a.familyName}`) ?? 0) + 1);
  const remote = bundle.attendees.filter((a) => a.status === 'active' && ['delegation', 'partner', 'ngo', 'io'].includes(a.category) && names.get(`${a.givenName} ${a.familyName}`) === 1);
  const chosen = new Set<number>();
  while (chosen.size < Math.min(36, remote.length)) chosen.add(Math.floor(rnd() * remote.length));
  [...chosen].forEach((i, n) => {
    const a = remote[i]!;
    const email = emails.get(a.id) ?? '';
    const display = `${a.givenName} ${a.familyName}`;
    const join = start + Math.floor(rnd() * 20) * MIN + Math.floor(rnd() * 60) * 1000;
    const leave = end - Math.floor(rnd() * 25) * MIN;
    if (n % 9 === 4 && email) {
      // Dropped out and came back: two rows, one person.
      const gap = join + Math.floor((leave - join) / 2);
      row(display, email, join, gap, false);
      row(display, email, gap + 4 * MIN, leave, false);
    } else if (n % 9 === 6) {
      // Joined from a tablet, renamed on the way in: the original name stays in parentheses.
      row(`iPad (${display})`, '', join, leave, true);
    } else if (n % 9 === 7) {
      // A guest without a Zoom account, typing their name in Latin letters, family name first.
      row(`${anyAscii(a.familyName).toUpperCase()} ${anyAscii(a.givenName)}`, '', join, leave, true);
    } else row(display, email, join, leave, !email);
  });
  row('iPhone', '', start + 12 * MIN, start + 41 * MIN, true);
  row('Guest 7', '', start + 30 * MIN, end - 3 * MIN, true);

  const header = ['Name (Original Name)', 'User Email', 'Join Time', 'Leave Time', 'Duration (Minutes)', 'Guest', 'Recording Consent', 'In Waiting Room'];
  return '\ufeff' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

// Operator CLI: `npm run registry:admin -- [--data DIR | --url URL --token T] <command> …`
// Talks to a running registry over HTTP (PGlite allows only one process on its files).
// The commands and their flags are declared in registry/admin-args.ts (`--help` lists them).
import fs from 'node:fs';
import path from 'node:path';
import { registryFetch } from '../node-shared/pinned-fetch';
import { COMMANDS, parseAdminArgs, usage, type AdminArgs } from './admin-args';
import { connector, readRound, SourceError, syncPictures, type PhotoSink } from './connectors';
import { pairingText, type IssuedCode } from './pairing-print';
import type { ImportReport } from './import';
import type { ZoomImportReport } from './hybrid/import';

let args: AdminArgs;
try {
  args = parseAdminArgs(process.argv.slice(2));
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}
const v = args.values;
const str = (name: string): string | undefined => (typeof v[name] === 'string' ? (v[name] as string) : undefined);
const list = (name: string): string[] => (Array.isArray(v[name]) ? (v[name] as string[]) : []);
const bool = (name: string): boolean => v[name] === true;
if (bool('help')) {
  console.log(usage());
  process.exit(0);
}

const dataDir = str('data');
// In `connect`, --url and --token are the registration system's; the registry is --data or --registry/--admin-token.
const connecting = args.command === 'connect';
let url = str('registry') ?? (connecting ? undefined : str('url')) ?? process.env.FOYER_REGISTRY_URL;
let token = str('admin-token') ?? (connecting ? undefined : str('token')) ?? process.env.FOYER_ADMIN_TOKEN;
// An HTTPS registry with its own certificate is pinned here too (registry.json, or --fingerprint).
let fingerprint = str('fingerprint');
if (dataDir) {
  const info = JSON.parse(fs.readFileSync(path.join(dataDir, 'registry.json'), 'utf8')) as { url: string; fingerprint?: string | null };
  url ??= info.url;
  fingerprint ??= info.fingerprint ?? undefined;
  token ??= fs.readFileSync(path.join(dataDir, 'admin-token'), 'utf8').trim();
}
const httpFetch = registryFetch(fingerprint);
if (!url || !token) {
  console.error('Tell me which registry: --data DIR (of a running registry), or --url URL --token ADMIN_TOKEN.');
  process.exit(2);
}

function readFileOrExit(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    console.error(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
    process.exit(1);
  }
}

/** One admin request; a Buffer body goes as raw bytes, anything else as JSON. */
async function call(method: string, p: string, body?: unknown): Promise<unknown> {
  let res: Response;
  const raw = Buffer.isBuffer(body);
  try {
    res = await httpFetch(url + p, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': raw ? 'application/octet-stream' : 'application/json' },
      body: body === undefined ? undefined : raw ? new Uint8Array(body) : JSON.stringify(body),
    });
  } catch (err) {
    console.error(`Cannot reach the registry at ${url}: ${(err as Error).message}`);
    process.exit(1);
  }
  const text = await res.text();
  const ct = res.headers.get('content-type') ?? '';
  const data = ct.includes('json') ? JSON.parse(text) : text;
  if (!res.ok && !(res.status === 422 && /\/attendees\/(import|rows)|\/zoom-report/.test(p))) {
    console.error(`Registry said ${res.status}: ${(data as { error?: { message?: string } })?.error?.message ?? text}`);
    process.exit(1);
  }
  return data;
}

/** The event accepts the Indico server's tickets (station/badges/matchers.ts checks the host). */
async function acceptIndicoHost(host: string): Promise<void> {
  const status = (await call('GET', '/v1/admin/status')) as { event: (Record<string, unknown> & { indicoHost?: string | null }) | null };
  if (!status.event) {
    console.log(`No event is set up in the registry yet: set it up with --indico-host ${host} so the stations accept these tickets.`);
    return;
  }
  if (status.event.indicoHost === host) return;
  const { seq: _seq, ...event } = status.event;
  await call('PUT', '/v1/admin/event', { ...event, indicoHost: host });
  console.log(`The event now accepts Indico tickets from ${host}.`);
}

/** A connector's picture, through the same upload as the console's (checked, shrunk off-thread). */
const photoSink: PhotoSink = {
  put: async (attendeeId, bytes) => {
  try {
    const res = await httpFetch(`${url}/v1/admin/attendees/${encodeURIComponent(attendeeId)}/photo`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(bytes),
    });
    if (res.ok) return { ok: true };
    const text = await res.text();
    const message = (JSON.parse(text.startsWith('{') ? text : '{}') as { error?: { message?: string } }).error?.message ?? `the registry answered ${res.status}`;
    return { ok: false, message, final: res.status === 404 || res.status === 413 || res.status === 422 };
  } catch (err) {
    return { ok: false, message: `cannot reach the registry: ${(err as Error).message}`, final: false };
  }
  },
  remove: async (attendeeId) => ((await call('DELETE', `/v1/admin/attendees/${encodeURIComponent(attendeeId)}/photo`)) as { deleted: boolean }).deleted,
};

/** A file the registry sends (a PDF, a workbook), as bytes. */
async function download(p: string): Promise<Buffer> {
  let res: Response;
  try {
    res = await httpFetch(url + p, { headers: { authorization: `Bearer ${token}` } });
  } catch (err) {
    console.error(`Cannot reach the registry at ${url}: ${(err as Error).message}`);
    process.exit(1);
  }
  if (!res.ok) {
    const text = await res.text();
    console.error(`Registry said ${res.status}: ${(JSON.parse(text.startsWith('{') ? text : '{}') as { error?: { message?: string } }).error?.message ?? text.slice(0, 300)}`);
    process.exit(1);
  }
  return Buffer.from(await res.arrayBuffer());
}

/** What a Zoom report import did: the file recognised, the columns used, who matched how. */
function printZoomImport(r: Extract<ZoomImportReport, { ok: true }>): void {
  const m = r.meeting;
  console.log(`Recognised: Zoom ${r.kind === 'webinar' ? 'webinar attendee report' : 'meeting participant report'}${m?.topic ? ` — "${m.topic}"` : ''}${m?.id ? ` (${m.id})` : ''}`);
  console.log('Columns used:');
  for (const [field, column] of Object.entries(r.columns)) console.log(`  ${field.padEnd(9)} ← ${column}`);
  console.log(`${r.dryRun ? 'Dry run, nothing stored: ' : ''}${r.rows} rows, ${r.people} people for session "${r.sessionTitle}" (times read in ${r.timeZone}).`);
  console.log(`  matched by e-mail ${r.byEmail}, by name ${r.byName}; not matched ${r.unmatched}, two registrations fit ${r.ambiguous}; Zoom guests ${r.guests}`);
  for (const w of r.warnings) console.log(`  warning: ${w.text}`);
  for (const p of r.notMatched) console.log(`  not matched: ${p.names.join(' / ')}${p.email ? ` <${p.email}>` : ''} (${p.role}, ${p.minutes} min${p.match === 'ambiguous' ? ', two registrations fit' : ''})`);
}

const print = (x: unknown) => console.log(typeof x === 'string' ? x : JSON.stringify(x, null, 2));

/** What an import did, for the operator: the source recognised, the columns used, the outcome. */
function printReport(r: ImportReport): void {
  console.log(`Recognised: ${r.profileLabel}${r.sheet ? ` — sheet "${r.sheet}"` : ''}`);
  const cols = Object.entries(r.mapping ?? {});
  if (cols.length > 0) {
    console.log('Columns used:');
    for (const [field, column] of cols) console.log(`  ${field.padEnd(13)} ← ${column}`);
  }
  console.log(r.summary);
  const counts = (o: Record<string, number> | undefined) => Object.entries(o ?? {}).map(([k, n]) => `${k} ${n}`).join(', ');
  if (r.valid > 0) console.log(`  statuses: ${counts(r.statuses)}\n  categories: ${counts(r.categories)}`);
  if (r.cancelledMissing) console.log(`  ${r.cancelledMissing} no longer listed by the source: now cancelled.`);
  for (const e of r.errors ?? []) console.log(`  error   row ${e.row}${e.column ? `, ${e.column}` : ''}: ${e.reason}`);
  for (const w of r.warnings ?? []) console.log(`  warning ${w.row ? `row ${w.row}${w.column ? `, ${w.column}` : ''}` : ''}: ${w.reason}`);
}
const cmd = args.command;
const rest = args.positionals;

switch (cmd) {
  case 'status':
    print(await call('GET', '/v1/admin/status'));
    break;
  case 'demo': {
    const firstDay = str('first-day');
    const n = str('attendees');
    print(await call('POST', '/v1/admin/demo', { firstDay, attendees: n ? Number(n) : undefined }));
    break;
  }
  case 'event':
    print(
      await call('PUT', '/v1/admin/event', {
        id: str('id'),
        name: str('name'),
        venue: str('venue') ?? '',
        timeZone: str('tz'),
        days: (str('days') ?? '').split(',').filter(Boolean),
        description: str('description') ?? '',
        // Only Indico tickets from this server are accepted at the stations (station/badges/matchers.ts).
        indicoHost: str('indico-host'),
      }),
    );
    break;
  case 'retention': {
    const day = rest[0]!;
    const event = await call('GET', '/v1/admin/event');
    if (!event) {
      console.error('Set up the event first (event --id …).');
      process.exit(1);
    }
    await call('PUT', '/v1/admin/event', { ...(event as object), retentionDate: day === 'none' ? null : day });
    print(await call('GET', '/v1/admin/retention'));
    break;
  }
  case 'photo': {
    const [id, file] = rest as [string, string];
    if (file === 'none') print(await call('DELETE', `/v1/admin/attendees/${encodeURIComponent(id)}/photo`));
    else print(await call('PUT', `/v1/admin/attendees/${encodeURIComponent(id)}/photo`, readFileOrExit(file)));
    break;
  }
  case 'photos':
    print(await call('POST', '/v1/admin/photos', readFileOrExit(rest[0]!)));
    break;
  case 'import': {
    const file = rest[0]!;
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (err) {
      console.error(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
      process.exit(1);
    }
    const options = {
      // The bytes say what the file is (an export may have lost its extension).
      format: bytes.subarray(0, 4).equals(Buffer.from('PK\u0003\u0004', 'latin1')) || /\.xlsx?$/i.test(file) ? 'xlsx' : 'csv',
      mapping: Object.fromEntries(list('map').map((m) => m.split('=', 2) as [string, string])),
      mode: bool('valid-only') ? 'valid' : 'all',
      dryRun: bool('dry-run'),
      defaultCategory: str('default-category'),
      categoryRules: list('category-rule'),
      statusRules: list('status-rule'),
      profile: str('profile'),
      sheet: str('sheet'),
    };
    const r = (await call('POST', `/v1/admin/attendees/import?options=${encodeURIComponent(JSON.stringify(options))}`, bytes)) as ImportReport;
    printReport(r);
    if (r.errors.length > 0 && options.mode === 'all') process.exitCode = 1;
    break;
  }
  case 'connect': {
    const kind = rest[0];
    const sourceUrl = str('url');
    const sourceToken = str('token');
    if ((kind !== 'indico' && kind !== 'pretix') || !sourceUrl || !sourceToken || !str('event') || (kind === 'pretix' && !str('organizer'))) {
      console.error(`Say which system and event:\n  ${COMMANDS.connect.usage}`);
      process.exit(2);
    }
    const c =
      kind === 'indico'
        ? connector('indico', { url: sourceUrl, event: str('event')!, token: sourceToken })
        : connector('pretix', { url: sourceUrl, organizer: str('organizer')!, event: str('event')!, token: sourceToken, list: str('list'), photoQuestion: str('photo-question') });
    const every = Math.max(10, Number(str('every') ?? 300));
    for (let round = 1; ; round++) {
      try {
        const r = await readRound(c);
        if (r.indicoHost) await acceptIndicoHost(r.indicoHost);
        console.log(`${new Date().toLocaleTimeString()} ${kind}: "${r.title}", ${r.body.rows.length} registrations read.`);
        const report = (await call('POST', '/v1/admin/attendees/rows', { ...r.body, defaultCategory: str('default-category'), categoryRules: list('category-rule') })) as ImportReport;
        printReport(report);
        if (report.errors.length > 0 && bool('once')) process.exitCode = 1;
        {
          const p = await syncPictures(r, c.pictures, photoSink);
          if (p.stored || p.removed || p.skipped.length) console.log(`Photos: ${p.stored} stored${p.removed ? `, ${p.removed} removed (no longer in ${kind})` : ''}${p.skipped.length ? `, ${p.skipped.length} skipped` : ''}.`);
          for (const s of p.skipped.slice(0, 50)) console.log(`  ${s.attendeeId}: photo skipped. ${s.message}`);
        }
      } catch (err) {
        if (!(err instanceof SourceError)) throw err;
        console.error(err.message);
        if (bool('once')) process.exit(1);
      }
      if (bool('once')) break;
      console.log(`Next refresh in ${every} s (Ctrl+C stops).`);
      await new Promise((r) => setTimeout(r, every * 1000));
    }
    break;
  }
  case 'pair': {
    const noQr = bool('no-qr');
    const restore = bool('restore');
    const r = (await call('POST', '/v1/admin/pairing-codes', {
      name: str('name'),
      role: str('role'),
      roomId: str('room'),
      doorMode: str('door-mode'),
      stationId: str('station'),
      restore,
    })) as IssuedCode;
    console.log(await pairingText(r, { qr: !noQr }));
    break;
  }
  case 'token': {
    const revoke = str('revoke');
    const label = str('label') ?? '';
    if (revoke) print(await call('POST', `/v1/admin/tokens/${encodeURIComponent(revoke)}/revoke`, {}));
    else if (bool('new')) {
      const r = (await call('POST', '/v1/admin/tokens', { label })) as { id: string; token: string };
      console.log(`New admin token (id ${r.id}; shown once, keep it like a password):\n${r.token}`);
    } else {
      console.error('token --new [--label L] makes an admin token; token --revoke ID ends one; tokens lists them.');
      process.exit(2);
    }
    break;
  }
  case 'tokens':
    print(await call('GET', '/v1/admin/tokens'));
    break;
  case 'stations':
    print(await call('GET', '/v1/admin/stations'));
    break;
  case 'revoke':
    print(await call('POST', `/v1/admin/stations/${encodeURIComponent(rest[0] ?? '')}/revoke`, {}));
    break;
  case 'key-new':
    print(await call('POST', '/v1/admin/keys', {}));
    break;
  case 'keys':
    print(await call('GET', '/v1/admin/keys'));
    break;
  case 'key-deactivate':
    print(await call('POST', `/v1/admin/keys/${encodeURIComponent(rest[0] ?? '')}/deactivate`, {}));
    break;
  case 'room': {
    // Capacity is the fire-safety limit; warn/critical are % of it; policy: what a door does when full.
    const num = (v: string | undefined, d: number) => (v === undefined ? d : Number(v));
    const categories = str('categories');
    print(
      await call('PUT', `/v1/admin/rooms/${encodeURIComponent(rest[0] ?? '')}`, {
        id: rest[0],
        name: str('name') ?? rest[0],
        capacity: num(str('capacity'), NaN),
        warnPct: num(str('warn'), 80),
        criticalPct: num(str('critical'), 95),
        fullPolicy: str('policy') ?? 'refuse',
        allowedCategories: categories ? categories.split(',').map((c) => c.trim()).filter(Boolean) : null,
        floor: str('floor') ?? '',
      }),
    );
    break;
  }
  case 'station-rules': {
    // What a repeat scan does at that desk, and which categories it admits ("all" = no restriction).
    const categories = str('categories');
    const repeat = str('repeat');
    if (categories === undefined && repeat === undefined) {
      console.error('Give --repeat warn|refuse and/or --categories a,b (or all).');
      process.exit(2);
    }
    print(
      await call('PUT', `/v1/admin/stations/${encodeURIComponent(rest[0] ?? '')}/rules`, {
        ...(repeat !== undefined ? { repeatPolicy: repeat } : {}),
        ...(categories !== undefined ? { allowedCategories: categories.trim() === 'all' ? null : categories.split(',').map((c) => c.trim()).filter(Boolean) } : {}),
      }),
    );
    break;
  }
  case 'invitations': {
    const file = str('file');
    const ids = str('ids');
    const open = bool('open');
    const attendeeIds = open
      ? null
      : file
        ? fs.readFileSync(file, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean)
        : (ids ?? '').split(',').map((l) => l.trim()).filter(Boolean);
    if (!open && attendeeIds?.length === 0) {
      console.error('Give the invited attendee ids with --file or --ids, or --open to admit everyone.');
      process.exit(1);
    }
    print(await call('PUT', `/v1/admin/sessions/${encodeURIComponent(rest[0] ?? '')}/invitations`, { attendeeIds }));
    break;
  }
  case 'revoke-badge':
    print(await call('POST', '/v1/admin/revocations', { attendeeId: rest[0], badgeVersion: Number(rest[1]) }));
    break;
  case 'export': {
    const out = str('out');
    const csv = (await call('GET', `/v1/admin/export/${encodeURIComponent(rest[0] ?? '')}`)) as string;
    if (out) fs.writeFileSync(out, csv);
    else process.stdout.write(csv);
    break;
  }
  case 'zoom-import': {
    const [sessionId, file] = rest as [string, string];
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (err) {
      console.error(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
      process.exit(1);
    }
    const options = {
      timeZone: str('tz'),
      mapping: Object.fromEntries(list('map').map((m) => m.split('=', 2) as [string, string])),
      dryRun: bool('dry-run'),
      fileName: path.basename(file),
    };
    const r = (await call('POST', `/v1/admin/sessions/${encodeURIComponent(sessionId)}/zoom-report?options=${encodeURIComponent(JSON.stringify(options))}`, bytes)) as ZoomImportReport;
    if (!r.ok) {
      console.error(r.problem.text);
      process.exit(1);
    }
    printZoomImport(r);
    break;
  }
  case 'zoom-report': {
    const r = (await call('GET', `/v1/admin/sessions/${encodeURIComponent(rest[0]!)}/zoom-report`)) as {
      report: { fileName: string; importedAt: number; rows: number };
      people: { names: string[]; email: string; role: string; minutes: number; attendeeId: string | null; match: string }[];
    };
    console.log(`${r.report.fileName || 'Zoom report'}: ${r.report.rows} rows, ${r.people.length} people (imported ${new Date(r.report.importedAt).toISOString()})`);
    for (const p of r.people) {
      const who = p.attendeeId ? `${p.attendeeId} (by ${p.match})` : p.match === 'ambiguous' ? 'NOT MATCHED (two registrations fit)' : 'NOT MATCHED';
      console.log(`  ${String(p.minutes).padStart(4)} min  ${p.role.padEnd(11)} ${p.names.join(' / ')}${p.email ? ` <${p.email}>` : ''} → ${who}`);
    }
    break;
  }
  case 'attendance-report': {
    const format = str('format') ?? (str('out')?.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'pdf');
    if (format !== 'pdf' && format !== 'xlsx') {
      console.error(`--format is pdf or xlsx, not "${format}".`);
      process.exit(2);
    }
    const out = str('out') ?? `attendance.${format}`;
    const lang = str('lang');
    const data = await download(`/v1/admin/reports/attendance.${format}${lang ? `?lang=${encodeURIComponent(lang)}` : ''}`);
    fs.writeFileSync(out, data);
    console.log(`Wrote ${out} (${Math.ceil(data.length / 1024)} KB).`);
    break;
  }
  default:
    console.error(usage());
    process.exit(2);
}

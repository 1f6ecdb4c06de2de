// Data retention at the registry (#19.5, registry/retention.ts): the organiser sets the day; once
// it has come, the registry deletes every person down to the bytes of its data folder (database
// files and write-ahead log) and keeps the log's counts; a day during the event is refused.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, dayInZone } from '../../core/time';
import { WalkinForm } from '../../core/api/desk';
import { checkInAttendee } from '../../station/checkin';
import { registerWalkin } from '../../station/desk';
import { registryFetch } from '../../node-shared/pinned-fetch';
import { registryAttendees } from '../../testkit/registry-event';
import { useDemoRegistry } from '../helpers/demo-registry';
import { testJpeg } from '../helpers/photos';

const demo = useDemoRegistry('foyer-reg-retention-', { event: 'other' });

function filesContaining(dir: string, needles: string[]): string[] {
  const hits: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        const bytes = fs.readFileSync(p);
        for (const n of needles) if (bytes.includes(Buffer.from(n))) hits.push(`${path.relative(dir, p)}: ${n}`);
      }
    }
  };
  walk(dir);
  return hits;
}

async function send(method: string, p: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const raw = Buffer.isBuffer(body);
  const res = await registryFetch(demo.reg.fingerprint)(demo.reg.url + p, {
    method,
    headers: { authorization: `Bearer ${demo.reg.adminToken}`, 'content-type': raw ? 'application/octet-stream' : 'application/json' },
    body: body === undefined ? undefined : raw ? new Uint8Array(body) : JSON.stringify(body),
  });
  return { status: res.status, json: res.status === 204 ? null : await res.json() };
}

describe('data retention at the registry', () => {
  it('refuses a day during the event, then deletes every person from the data folder on the day and keeps the counts', async () => {
    const people = await registryAttendees(demo.reg);
    const { station, client } = await demo.pairedStation('Desk', { syncNow: true });
    for (const p of people.slice(0, 6)) checkInAttendee(station, p.id, Date.now());
    expect((await client.syncNow()).state).toBe('online');
    expect((await send('PUT', `/v1/admin/attendees/${people[0]!.id}/photo`, testJpeg(60, 80))).status).toBe(200);
    const before = (await send('GET', '/v1/admin/status')).json as { attendees: number; events: number };
    expect(before.attendees).toBe(people.length);

    // Names are really in the data folder before (the search works).
    const full = await demo.reg.admin<{ id: string; givenName: string; familyName: string }[]>('GET', '/v1/admin/attendees?limit=1000');
    const names = full.map((a) => a.familyName).filter((n) => n.length >= 7).slice(0, 30);
    const codes = people.flatMap((p) => p.badgeCodes).filter((c) => c.length >= 8).slice(0, 20);
    expect(names.length).toBeGreaterThan(5);

    const event = await demo.reg.admin<Record<string, unknown> & { days: string[]; timeZone: string }>('GET', '/v1/admin/event');
    const during = await send('PUT', '/v1/admin/event', { ...event, retentionDate: event.days[0] });
    expect(during.status).toBe(422);
    expect(during.json).toMatchObject({ error: { message: expect.stringMatching(/after the event's last day/) } });
    expect((await send('GET', '/v1/admin/status')).json).toMatchObject({ attendees: people.length });

    // The event was last week; the retention day was yesterday: the registry deletes at once.
    const today = dayInZone(Date.now(), event.timeZone);
    const r = await send('PUT', '/v1/admin/event', { ...event, days: [addDays(today, -9), addDays(today, -8)], retentionDate: addDays(today, -1) });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const ret = (await send('GET', '/v1/admin/retention')).json as { done: { date: string } | null };
    expect(ret.done?.date).toBe(addDays(today, -1));
    const after = (await send('GET', '/v1/admin/status')).json as { attendees: number; events: number };
    expect(after).toMatchObject({ attendees: 0, events: before.events });
    expect((await send('GET', `/v1/admin/attendees/${people[0]!.id}/photo`)).status).toBe(204);
    // The day cannot move any more (the data is gone).
    expect((await send('PUT', '/v1/admin/event', { ...event, days: [addDays(today, -9)], retentionDate: addDays(today, 5) })).status).toBe(409);

    // A station that has not heard of the day yet pushes before it downloads: a walk-in registered
    // there now is refused, not stored (it would be personal data again, kept for good).
    registerWalkin(station, WalkinForm.parse({ givenName: 'Latecomer', familyName: 'Aftertheday', category: 'ngo' }), Date.now(), { checkIn: true });
    const late = await client.syncNow();
    expect(late.ok).toBe(false);
    expect(late.message ?? '').toMatch(/deleted on .* retention/);
    expect((await send('GET', '/v1/admin/status')).json).toMatchObject({ attendees: 0, events: before.events });

    // Every byte of the registry's folder, database files and write-ahead log included, once it has stopped.
    await demo.reg.kill('SIGTERM');
    expect(filesContaining(demo.reg.dataDir, [...names, ...codes, 'Aftertheday'])).toEqual([]);
    await demo.reg.start();
  });
});

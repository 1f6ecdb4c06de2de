// The evacuation roll call's list for emergency services (#16.2, docs/evacuation.md): 1,200 people
// inside (every demo registration made active and valid today, checked in at a desk and counted
// into the demo's rooms by door scans), a drill running with a third marked safe; the PDF and the
// CSV a desk prints, each timed end to end (read the log, decide, lay out, write the file), against
// the target of 5 s. Median of 3 runs (1 with --quick), and the PDF's first run (fonts read).
import path from 'node:path';
import { localToMillis } from '../core/time';
import { attendees } from '../db/schema/index';
import { seedDemoEvent } from '../resources/demo/seed';
import { checkInAttendee } from '../station/checkin';
import { configureDoor, doorScan } from '../station/door';
import { evacuationCsv, evacuationPdf, evacuationView, markSafe, setEvacuation } from '../station/evacuation';
import { openStation } from '../station/station';
import { badgeCodes } from '../db/schema/index';
import { eq } from 'drizzle-orm';
import { percentile, round, sample, type BenchModule } from './harness';

const TARGET_MS = 5000;

const bench: BenchModule = async ({ quick, tmp }) => {
  const station = openStation(path.join(tmp, 'station'), { seed: seedDemoEvent });
  try {
    const info = station.eventInfo();
    let now = localToMillis(info.days[0]!, '09:00', info.timeZone);
    const orm = station.db.orm;
    orm.update(attendees).set({ status: 'active', validDays: null }).run();
    const people = orm.select({ id: attendees.id, code: badgeCodes.code }).from(attendees).innerJoin(badgeCodes, eq(badgeCodes.attendeeId, attendees.id)).all();
    const seen = new Set<string>();
    const everyone = people.filter((p) => !seen.has(p.id) && seen.add(p.id));
    station.write(() => everyone.forEach((p) => checkInAttendee(station, p.id, ++now)));
    const rooms = ['festsaal', 'zeremoniensaal', 'forschungssaal', 'neuer-saal', 'ratsaal', 'press-room'];
    station.write(() =>
      rooms.forEach((roomId, r) => {
        configureDoor(station, roomId, 'entry', undefined);
        for (let i = r; i < everyone.length - 100; i += rooms.length) doorScan(station, everyone[i]!.code, ++now);
      }),
    );
    configureDoor(station, null, null, undefined); // a desk prints the list: legal names, marked
    setEvacuation(station, 'start', true, ++now, null);
    for (const p of everyone.slice(0, Math.floor(everyone.length / 3))) markSafe(station, { attendeeId: p.id }, false, ++now, null);
    const view = evacuationView(station, ++now);
    if (view.inside < 1200) throw new Error(`only ${view.inside} people inside: the demo event has fewer than 1,200 registrations`);

    const runs = quick ? 1 : 3;
    // CPU time beside wall time: on a machine shared with other work the wall time is mostly waiting.
    const cpu: Record<string, number[]> = {};
    const timed = (name: string, fn: () => unknown) => async () => {
      const c = process.cpuUsage();
      await fn();
      const d = process.cpuUsage(c);
      (cpu[name] ??= []).push((d.user + d.system) / 1000);
    };
    // The first list a station prints reads its fonts too: what the first minutes of an evacuation see.
    const cold = await sample(1, timed('cold', () => evacuationPdf(station, now, 'en')));
    const pdfT = await sample(runs, timed('pdf', () => evacuationPdf(station, now, 'en')));
    const csvT = await sample(runs, timed('csv', () => evacuationCsv(station, now, 'en')));
    const viewT = await sample(runs, timed('view', () => evacuationView(station, now)));
    const row = (name: string, xs: number[], key: string) => {
      const ms = round(percentile(xs, 50), 0);
      const cpuMs = round(percentile([...cpu[key]!].sort((a, b) => a - b), 50), 0);
      return {
        area: 'evacuation',
        name: `${name} (${view.inside.toLocaleString('en')} inside, ${view.safe} safe)`,
        value: ms,
        unit: 'ms',
        ratio: round(ms / TARGET_MS, 3),
        vs: 'target 5 s',
        target: { bound: 'max' as const, limit: TARGET_MS, on: 'value' as const },
        note: `CPU ${cpuMs} ms`,
      };
    };
    return [
      row('list for emergency services, PDF, first after start', cold, 'cold'),
      row('list for emergency services, PDF', pdfT, 'pdf'),
      row('list for emergency services, CSV', csvT, 'csv'),
      { ...row('roll call on screen (evacuation.view)', viewT, 'view'), target: undefined, ratio: undefined, vs: undefined },
    ];
  } finally {
    station.close();
  }
};

export default bench;

// Where the occupancy chart puts its time labels: on whole minutes only, at a step that leaves
// room for each "14:30" label, aligned to the clock in the event's time zone. uPlot's own steps
// go below a minute on a short day (06:39 06:39 06:39…), which an HH:MM label cannot tell apart.
import { zoneOffsetMinutes } from '../../../../core/time';

/** Steps in minutes, smallest first. */
const STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 240, 360, 720];
/** Width a "14:30" label needs, with air around it, in CSS pixels. */
export const LABEL_PX = 64;

/** Tick times (seconds, as uPlot's x values) between min and max for an axis `widthPx` wide. */
export function minuteTicks(minSec: number, maxSec: number, widthPx: number, timeZone: string): number[] {
  if (!(maxSec > minSec)) return [Math.ceil(minSec / 60) * 60];
  const room = Math.max(2, Math.floor(widthPx / LABEL_PX));
  const spanMin = (maxSec - minSec) / 60;
  const step = STEPS.find((s) => spanMin / s <= room) ?? STEPS[STEPS.length - 1]!;
  const stepSec = step * 60;
  // Local clock time, so "every 2 hours" falls on 08:00, 10:00… in Vienna, not on UTC hours.
  const offsetSec = zoneOffsetMinutes(minSec * 1000, timeZone) * 60;
  const first = Math.ceil((minSec + offsetSec) / stepSec) * stepSec - offsetSec;
  const out: number[] = [];
  for (let t = first; t <= maxSec; t += stepSec) out.push(t);
  return out;
}

/** Whole numbers of people: the y axis never shows 0.5. */
export const PEOPLE_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000];

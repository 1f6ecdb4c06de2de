// Resident memory and CPU time of a process (Linux /proc), for the benchmark's footprint rows:
// what the registry costs the machine it runs on, read from outside the process.
import fs from 'node:fs';

const TICK = 100; // USER_HZ: clock ticks per second in /proc/<pid>/stat on Linux

function status(pid: number, key: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no ${key} for process ${pid}`);
  return Number(m[1]) / 1024;
}

/** Resident memory now, MB. */
export const rssMb = (pid: number) => status(pid, 'VmRSS');

/** The most resident memory since the process started (or since resetPeak), MB. */
export const peakMb = (pid: number) => status(pid, 'VmHWM');

/** Starts a new peak measurement from the current resident memory (Linux clear_refs "5"). */
export function resetPeak(pid: number): void {
  fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/** CPU time the process has used so far (user + system, every thread), seconds. */
export function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / TICK;
}

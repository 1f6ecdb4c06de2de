// Occupancy over the day (uPlot on a canvas): people inside per minute, the highest
// value within each minute, and the room's warning and capacity levels as lines.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { timeInZone } from '../../../../core/time';
import { t } from '../../i18n';

interface Props {
  series: [number, number, number][];
  capacity: number;
  warnPct: number;
  timeZone: string;
  label: string;
  height?: number;
}

function css(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

export function OccupancyChart({ series, capacity, warnPct, timeZone, label, height = 260 }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  const data = (): uPlot.AlignedData => {
    const xs = series.map((p) => p[0] / 1000);
    return [xs, series.map((p) => p[1]), series.map((p) => p[2]), xs.map(() => capacity), xs.map(() => Math.ceil((capacity * warnPct) / 100))];
  };

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const text = css('--text', '#1a1f24');
    const grid = css('--border', '#c9d1db');
    const opts: uPlot.Options = {
      width: Math.max(300, el.clientWidth),
      height,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), timeZone),
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
      scales: { y: { range: (_u, _min, max) => [0, Math.max(capacity * 1.1, max * 1.05, 10)] } },
      axes: [
        // 24-hour clock in the event's time zone, as everywhere else in Foyer.
        { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, values: (_u, splits) => splits.map((s) => timeInZone(s * 1000, timeZone)) },
        { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, size: 50 },
      ],
      series: [
        { label: t('detail.time'), value: (_u, v) => (v == null ? '–' : timeInZone(v * 1000, timeZone)) },
        { label: t('detail.chartInside'), stroke: css('--accent', '#1d4ed8'), width: 2, fill: 'rgba(29, 78, 216, 0.12)', value: (_u, v) => (v == null ? '–' : String(v)) },
        { label: t('detail.chartRange'), stroke: 'rgba(29, 78, 216, 0.35)', width: 1, value: (_u, v) => (v == null ? '–' : String(v)) },
        { label: t('detail.capacityLine'), stroke: css('--bad', '#b3261e'), width: 2, dash: [8, 4], points: { show: false } },
        { label: t('detail.warnLine', { pct: warnPct }), stroke: '#a67c00', width: 1.5, dash: [4, 4], points: { show: false } },
      ],
    };
    plot.current = new uPlot(opts, data(), el);
    const ro = new ResizeObserver(() => plot.current?.setSize({ width: Math.max(300, el.clientWidth), height }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
    // Rebuilt only when the room's fixed properties change; data updates go through setData.
  }, [capacity, warnPct, timeZone, height]);

  useEffect(() => {
    plot.current?.setData(data());
  }, [series]);

  return <div className="occ-chart" ref={box} role="img" aria-label={label} data-testid="occupancy-chart" />;
}

// Occupancy over the day (uPlot on a canvas): people inside per minute, the highest
// value within each minute, and the room's warning and capacity levels as lines. The legend
// is ours, in HTML: always visible with the latest values, the hovered minute's while the
// pointer is over the chart. Time labels fall on whole minutes (chart-axis.ts).
import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { timeInZone } from '../../../../core/time';
import { formatCount, t, useLanguage } from '../../i18n';
import { minuteTicks, PEOPLE_STEPS } from './chart-axis';

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

/** The lines' colours, from the theme: the chart and its legend draw each line alike. */
function colours() {
  return { inside: css('--accent', '#1d4ed8'), highest: 'rgba(29, 78, 216, 0.45)', capacity: css('--bad', '#b3261e'), warn: '#a67c00' };
}

export function OccupancyChart({ series, capacity, warnPct, timeZone, label, height = 260 }: Props) {
  const lang = useLanguage();
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const [hover, setHover] = useState<number | null>(null);
  const warnAt = Math.ceil((capacity * warnPct) / 100);

  const data = (): uPlot.AlignedData => {
    const xs = series.map((p) => p[0] / 1000);
    return [xs, series.map((p) => p[1]), series.map((p) => p[2]), xs.map(() => capacity), xs.map(() => warnAt)];
  };

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const text = css('--text', '#1a1f24');
    const c = colours();
    const grid = css('--border', '#c9d1db');
    const opts: uPlot.Options = {
      width: Math.max(300, el.clientWidth),
      height,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), timeZone),
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { y: { range: (_u, _min, max) => [0, Math.max(capacity * 1.1, max * 1.05, 10)] } },
      axes: [
        // 24-hour clock in the event's time zone, as everywhere else in Foyer, on whole minutes.
        {
          stroke: text,
          grid: { stroke: grid, width: 1 },
          ticks: { stroke: grid },
          splits: (u, _axis, min, max) => minuteTicks(min, max, u.bbox.width / devicePixelRatio, timeZone),
          values: (_u, splits) => splits.map((s) => timeInZone(s * 1000, timeZone)),
        },
        { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, size: 50, incrs: PEOPLE_STEPS },
      ],
      series: [
        {},
        { stroke: c.inside, width: 2, fill: 'rgba(29, 78, 216, 0.12)' },
        { stroke: c.highest, width: 1 },
        { stroke: c.capacity, width: 2, dash: [8, 4], points: { show: false } },
        { stroke: c.warn, width: 1.5, dash: [4, 4], points: { show: false } },
      ],
      hooks: { setCursor: [(u) => setHover(u.cursor.idx ?? null)] },
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

  // The hovered minute, else the latest one.
  const at = hover !== null && series[hover] ? series[hover] : series.at(-1);
  const value = (n: number | undefined) => (n === undefined ? '–' : formatCount(n));
  const c = colours();
  return (
    <figure className="occ-chart" data-lang={lang}>
      <div className="occ-chart__plot" ref={box} role="img" aria-label={label} data-testid="occupancy-chart" />
      <figcaption>
        <ul className="occ-legend" data-testid="chart-legend">
          <li className="occ-legend__time">{at ? timeInZone(at[0], timeZone) : '–'}</li>
          <li>
            <span className="occ-legend__swatch" style={{ borderTopColor: c.inside }} aria-hidden="true" />
            {t('detail.chartInside')} <strong>{value(at?.[1])}</strong>
          </li>
          <li>
            <span className="occ-legend__swatch occ-legend__swatch--thin" style={{ borderTopColor: c.highest }} aria-hidden="true" />
            {t('detail.chartHighest')} <strong>{value(at?.[2])}</strong>
          </li>
          <li>
            <span className="occ-legend__swatch occ-legend__swatch--dashed" style={{ borderTopColor: c.capacity }} aria-hidden="true" />
            {t('detail.capacityLine')} <strong>{formatCount(capacity)}</strong>
          </li>
          <li>
            <span className="occ-legend__swatch occ-legend__swatch--dotted" style={{ borderTopColor: c.warn }} aria-hidden="true" />
            {t('detail.warnLine', { pct: warnPct })} <strong>{formatCount(warnAt)}</strong>
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}

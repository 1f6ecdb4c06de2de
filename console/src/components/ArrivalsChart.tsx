// Check-ins over time as bars (first admissions per 15 minutes), drawn as SVG, with the same
// numbers as a table for screen readers and anyone who prefers one.
import type { CheckinSeries } from '../../../core/console/live';
import { count, time } from '../format';
import { t } from '../i18n';
import { DataTable } from './DataTable';

const W = 720;
const H = 200;
const PAD = { left: 40, right: 8, top: 10, bottom: 26 };

export function ArrivalsChart({ series, timeZone }: { series: CheckinSeries; timeZone: string }) {
  if (series.counts.length === 0) return <p className="muted">{t('live.noArrivals')}</p>;
  const max = Math.max(1, ...series.counts);
  const n = series.counts.length;
  const bw = (W - PAD.left - PAD.right) / Math.max(n, 4);
  const y = (v: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - v / max);
  const peak = series.counts.indexOf(max);
  const at = (i: number) => series.from + i * series.bucketMs;
  // A label every hour (or every bucket when there are few).
  const every = Math.max(1, Math.round(3_600_000 / series.bucketMs));
  const summary = t('live.chartSummary', { count: series.counts.reduce((a, b) => a + b, 0), peak: count(max), from: time(at(peak), timeZone), to: time(at(peak + 1), timeZone) });
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} data-testid="arrivals-chart">
        <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} className="chart__axis" />
        <text x={PAD.left - 6} y={y(max) + 4} className="chart__label" textAnchor="end">
          {count(max)}
        </text>
        {series.counts.map((v, i) => (
          <rect key={i} x={PAD.left + i * bw + 1} y={y(v)} width={Math.max(1, bw - 2)} height={y(0) - y(v)} className="chart__bar" />
        ))}
        {series.counts.map((_, i) =>
          i % every === 0 ? (
            <text key={`l${i}`} x={PAD.left + i * bw} y={H - 8} className="chart__label">
              {time(at(i), timeZone)}
            </text>
          ) : null,
        )}
      </svg>
      <figcaption>{summary}</figcaption>
      <details>
        <summary>{t('live.asTable')}</summary>
        <DataTable
          caption={t('live.arrivalsTitle')}
          rows={series.counts.map((v, i) => ({ v, i }))}
          rowKey={(r) => r.i}
          columns={[
            { header: t('live.bucket'), cell: (r) => `${time(at(r.i), timeZone)}–${time(at(r.i + 1), timeZone)}` },
            { header: t('live.arrivals'), num: true, cell: (r) => count(r.v) },
          ]}
        />
      </details>
    </figure>
  );
}

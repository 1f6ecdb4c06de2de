// Online attendance: each session's Zoom participant report in (the registry reads and matches
// it: registry/hybrid/), what it matched, and the attendance report out as PDF or Excel in the
// reader's language. Rules: docs/hybrid-attendance.md.
import { useState } from 'react';
import type { SessionRecord } from '../../../core/sync/protocol';
import { dayInZone, timeInZone } from '../../../core/time';
import { api, errorText } from '../api/client';
import { useMe } from '../api/session';
import { useResource } from '../api/useResource';
import { Page } from '../components/Page';
import { currentLanguage, hasMessage, t } from '../i18n';

interface ImportAnswer {
  ok: boolean;
  problem?: { code: string; text: string };
  rows?: number;
  people?: number;
  byEmail?: number;
  byName?: number;
  unmatched?: number;
  ambiguous?: number;
  notMatched?: { names: string[]; minutes: number }[];
}

/** A session's Zoom reports as GET /v1/admin/zoom-reports lists them. */
interface SessionReports {
  sessionId: string;
  people: number;
  reports: { fileName: string; importedAt: number }[];
}

function SessionRow({ s, tz, reports, onImported }: { s: SessionRecord; tz: string; reports: SessionReports | undefined; onImported: () => void }) {
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const upload = async (file: File) => {
    setBusy(true);
    setError('');
    setAnswer(null);
    try {
      const options = encodeURIComponent(JSON.stringify({ fileName: file.name.slice(0, 300) }));
      setAnswer(await api.upload<ImportAnswer>(`/v1/admin/sessions/${encodeURIComponent(s.id)}/zoom-report?options=${options}`, file));
      onImported();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const problem = answer?.problem;
  const problemKey = problem ? `attendance.problems.${problem.code}` : '';
  return (
    <li className="card" data-testid={`zoom-${s.id}`}>
      <h2>{s.title}</h2>
      <p className="muted">
        {dayInZone(s.startsAt, tz)} {timeInZone(s.startsAt, tz)}–{timeInZone(s.endsAt, tz)}
      </p>
      <p data-testid={`zoom-status-${s.id}`} data-reports={reports?.reports.length ?? 0}>
        {reports && reports.reports.length > 0
          ? t('attendance.has', {
              count: reports.reports.length,
              people: reports.people,
              files: reports.reports.map((r) => r.fileName || '–').join(', '),
              at: `${dayInZone(reports.reports.at(-1)!.importedAt, tz)} ${timeInZone(reports.reports.at(-1)!.importedAt, tz)}`,
            })
          : t('attendance.none')}
      </p>
      <label className="button">
        {busy ? t('attendance.reading') : t('attendance.choose')}
        <input
          type="file"
          accept=".csv,text/csv"
          className="visually-hidden"
          disabled={busy}
          data-testid={`zoom-file-${s.id}`}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void upload(f);
          }}
        />
      </label>
      <div role="status" aria-live="polite">
        {error && <p className="error">{error}</p>}
        {problem && <p className="error">{hasMessage(problemKey) ? t(problemKey) : problem.text}</p>}
        {answer?.ok && (
          <>
            <p data-testid={`zoom-result-${s.id}`}>
              {t('attendance.imported', { people: answer.people ?? 0, rows: answer.rows ?? 0 })}{' '}
              {t('attendance.matched', { email: answer.byEmail ?? 0, name: answer.byName ?? 0, unmatched: answer.unmatched ?? 0, ambiguous: answer.ambiguous ?? 0 })}
            </p>
            {(answer.notMatched ?? []).length > 0 && (
              <p className="muted">
                {t('attendance.notMatched')}: {(answer.notMatched ?? []).map((p) => p.names[0]).join(', ')}
              </p>
            )}
          </>
        )}
      </div>
    </li>
  );
}

export function AttendancePage() {
  const sessions = useResource<SessionRecord[]>('/v1/admin/sessions', { live: true });
  const reports = useResource<{ sessions: SessionReports[] }>('/v1/admin/zoom-reports', { live: true });
  const bySession = new Map((reports.data?.sessions ?? []).map((r) => [r.sessionId, r]));
  const tz = useMe().event?.timeZone ?? 'UTC';
  const lang = currentLanguage();
  return (
    <Page title={t('attendance.title')} intro={t('attendance.intro')}>
      <section className="card">
        <h2>{t('attendance.reportTitle')}</h2>
        <p className="muted">{t('attendance.reportBody')}</p>
        <a className="button" href={`/v1/admin/reports/attendance.pdf?lang=${lang}`} download="attendance.pdf" data-testid="attendance-pdf">
          {t('attendance.pdf')}
        </a>{' '}
        <a className="button" href={`/v1/admin/reports/attendance.xlsx?lang=${lang}`} download="attendance.xlsx" data-testid="attendance-xlsx">
          {t('attendance.xlsx')}
        </a>
      </section>
      {sessions.data && sessions.data.length === 0 && <p>{t('attendance.noSessions')}</p>}
      <ul className="exports">
        {(sessions.data ?? []).map((s) => (
          <SessionRow key={s.id} s={s} tz={tz} reports={bySession.get(s.id)} onImported={reports.reload} />
        ))}
      </ul>
    </Page>
  );
}

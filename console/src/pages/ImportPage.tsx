// Import registrations: drop (or choose) a CSV or XLSX export; the registry reads it in its import
// worker and answers a dry run — which source it recognised, which column it took for what, the
// file's first rows, and every problem by row and column — before anything is written. The
// organiser corrects the mapping or the options and sees the preview change; only "Import" stores.
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { CATEGORIES } from '../../../core/model';
import { PROFILES, SOURCE_FIELDS, type ImportProblem, type ImportReport, type SourceField } from '../../../core/import/report';
import { api, errorText } from '../api/client';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { count } from '../format';
import { hasMessage, t } from '../i18n';
import { categoryName, statusName } from '../names';
import { DataTable } from '../components/DataTable';

interface Options {
  profile: string;
  sheet: string;
  defaultCategory: string;
  mode: 'all' | 'valid';
  categoryRules: string;
  statusRules: string;
  mapping: Partial<Record<SourceField, string>>;
}
const NO_OPTIONS: Options = { profile: '', sheet: '', defaultCategory: '', mode: 'all', categoryRules: '', statusRules: '', mapping: {} };
const MAX_BYTES = 50 * 1024 * 1024;
const PROBLEMS_SHOWN = 50;

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length >= 3);
}

function optionsFor(file: File, o: Options, dryRun: boolean) {
  return {
    format: /\.xlsx$/i.test(file.name) ? 'xlsx' : 'csv',
    mapping: o.mapping,
    mode: o.mode,
    dryRun,
    ...(o.profile ? { profile: o.profile } : {}),
    ...(o.sheet ? { sheet: o.sheet } : {}),
    ...(o.defaultCategory ? { defaultCategory: o.defaultCategory } : {}),
    ...(lines(o.categoryRules).length ? { categoryRules: lines(o.categoryRules) } : {}),
    ...(lines(o.statusRules).length ? { statusRules: lines(o.statusRules) } : {}),
  };
}

const send = (file: File, o: Options, dryRun: boolean) =>
  api.upload<ImportReport>(`/v1/admin/attendees/import?options=${encodeURIComponent(JSON.stringify(optionsFor(file, o, dryRun)))}`, file);

export function problemText(p: ImportProblem): string {
  const key = `importProblems.${p.code}`;
  return p.code && hasMessage(key) ? t(key, { ...(p.params ?? {}), count: Number(p.params?.count ?? 1) }) : p.reason;
}

export function ImportPage() {
  const [file, setFile] = useState<File | null>(null);
  const [opts, setOpts] = useState<Options>(NO_OPTIONS);
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [checking, setChecking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const [importing, setImporting] = useState(false);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const latest = useRef(0);

  // Every change of file or options: a new dry run (the last one asked for wins).
  useEffect(() => {
    if (!file) return;
    const mine = ++latest.current;
    setChecking(true);
    const timer = setTimeout(() => {
      send(file, opts, true)
        .then((r) => mine === latest.current && (setPreview(r), setProblem(null)))
        .catch((e: unknown) => mine === latest.current && (setPreview(null), setProblem(errorText(e))))
        .finally(() => mine === latest.current && setChecking(false));
    }, 200);
    return () => clearTimeout(timer);
  }, [file, opts]);

  const choose = (f: File | undefined | null) => {
    setResult(null);
    setPreview(null);
    if (!f) return;
    if (f.size > MAX_BYTES) {
      setFile(null);
      setProblem(t('import.tooBig', { mb: 50 }));
      return;
    }
    if (f.size === 0) {
      setFile(null);
      setProblem(t('import.empty'));
      return;
    }
    setOpts(NO_OPTIONS);
    setFile(f);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    choose(e.dataTransfer.files[0]);
  };
  const doImport = async () => {
    if (!file) return;
    setImporting(true);
    try {
      const r = await send(file, opts, false);
      setResult(r);
    } catch (err) {
      setProblem(errorText(err));
    } finally {
      setImporting(false);
    }
  };
  const set = <K extends keyof Options>(k: K, v: Options[K]) => setOpts((o) => ({ ...o, [k]: v }));
  const header = preview?.preview?.header ?? [];
  const mapped = new Map<string, SourceField>(Object.entries(preview?.mapping ?? {}).map(([f, col]) => [col as string, f as SourceField]));
  const willImport = preview ? (preview.errors.length === 0 || opts.mode === 'valid' ? preview.valid : 0) : 0;

  return (
    <Page title={t('import.title')} intro={t('import.intro')}>
      <div
        className={`dropzone ${dragging ? 'dropzone--over' : ''}`}
        onDragOver={(e) => (e.preventDefault(), setDragging(true))}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="dropzone"
      >
        <p>{t('import.drop')}</p>
        <label className="button button--primary file-button">
          {t('import.choose')}
          <input ref={input} type="file" accept=".csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className="visually-hidden" onChange={(e) => choose(e.target.files?.[0])} data-testid="import-file" />
        </label>
        {file && (
          <p className="muted" data-testid="import-file-name">
            {t('import.chosen', { name: file.name, kb: count(Math.max(1, Math.round(file.size / 1024))) })}
          </p>
        )}
      </div>

      {problem && <Notice kind="error" testId="import-problem">{problem}</Notice>}

      {file && preview && (
        <>
          <section className="card" aria-labelledby="preview-h" data-testid="import-preview" aria-busy={checking}>
            <h2 id="preview-h">{t('import.previewTitle')}</h2>
            <p data-testid="import-profile">
              {t('import.recognised', { source: t(`import.profiles.${preview.profile}`) })}
              {preview.sheet && ` ${t('import.sheet', { sheet: preview.sheet })}`}
            </p>
            <ul className="facts" data-testid="import-counts">
              <li>{t('import.rows', { count: preview.rows })}</li>
              <li>{t('import.valid', { count: preview.valid })}</li>
              <li className={preview.errors.length ? 'bad-text' : undefined}>{t('import.errors', { count: preview.errors.length })}</li>
              <li>{t('import.warnings', { count: preview.warnings.length })}</li>
            </ul>
            {Object.keys(preview.categories).length > 0 && (
              <p className="muted">
                {Object.entries(preview.categories)
                  .map(([c, n]) => `${categoryName(c)}: ${count(n)}`)
                  .join(' · ')}
                {' — '}
                {Object.entries(preview.statuses)
                  .map(([s, n]) => `${statusName(s)}: ${count(n)}`)
                  .join(' · ')}
              </p>
            )}
            {header.length > 0 && (
              <DataTable
                caption={t('import.sampleCaption')}
                showCaption
                compact
                testId="import-sample"
                rows={preview.preview?.rows ?? []}
                rowKey={(_, i) => i}
                rowHeaders={false}
                columns={header.map((h, i) => ({
                  header: (
                    <>
                      {h}
                      {mapped.has(h) && <span className="tag">{t(`import.fields.${mapped.get(h)!}`)}</span>}
                    </>
                  ),
                  // One line a row, as a spreadsheet shows it: a long cell is cut with its whole text on hover.
                  cell: (r: string[]) => (
                    <span className="clip" title={r[i]}>
                      {r[i]}
                    </span>
                  ),
                }))}
              />
            )}
          </section>

          <div className="two-col">
            <section className="card" aria-labelledby="mapping-h">
              <h2 id="mapping-h">{t('import.mappingTitle')}</h2>
              <p className="muted">{t('import.mappingIntro')}</p>
              <div className="mapping" data-testid="import-mapping">
                {SOURCE_FIELDS.map((f) => {
                  const value = opts.mapping[f] ?? preview.mapping[f] ?? '';
                  return (
                    <label key={f} className="mapping__row">
                      <span>{t(`import.fields.${f}`)}</span>
                      <select value={value} onChange={(e) => set('mapping', { ...opts.mapping, [f]: e.target.value })} data-testid={`map-${f}`}>
                        <option value="">{t('import.notUsed')}</option>
                        {header.filter(Boolean).map((h) => (
                          <option key={h} value={h}>
                            {h}
                          </option>
                        ))}
                      </select>
                    </label>
                  );
                })}
              </div>
            </section>

            <section className="card form" aria-labelledby="options-h">
              <h2 id="options-h">{t('import.optionsTitle')}</h2>
              <label className="field">
                <span>{t('import.profile')}</span>
                <select value={opts.profile} onChange={(e) => set('profile', e.target.value)} data-testid="import-profile-choice">
                  <option value="">{t('import.profileAuto', { source: t(`import.profiles.${preview.profile}`) })}</option>
                  {PROFILES.map((p) => (
                    <option key={p} value={p}>
                      {t(`import.profiles.${p}`)}
                    </option>
                  ))}
                </select>
              </label>
              {(preview.preview?.sheets?.length ?? 0) > 1 && (
                <label className="field">
                  <span>{t('import.sheetChoice')}</span>
                  <select value={opts.sheet || preview.sheet || ''} onChange={(e) => set('sheet', e.target.value)} data-testid="import-sheet">
                    {preview.preview!.sheets!.map((s) => (
                      <option key={s} value={s}>
                        {s}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <label className="field">
                <span>{t('import.defaultCategory')}</span>
                <select value={opts.defaultCategory} onChange={(e) => set('defaultCategory', e.target.value)} data-testid="import-default-category">
                  <option value="">{t('import.defaultCategoryAuto', { category: categoryName('participant') })}</option>
                  {CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {categoryName(c)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span>{t('import.categoryRules')}</span>
                <textarea rows={3} value={opts.categoryRules} onChange={(e) => set('categoryRules', e.target.value)} aria-describedby="cat-rules-hint" data-testid="import-category-rules" />
                <small id="cat-rules-hint" className="muted">
                  {t('import.categoryRulesHint', { categories: CATEGORIES.join(', ') })}
                </small>
              </label>
              <label className="field">
                <span>{t('import.statusRules')}</span>
                <textarea rows={2} value={opts.statusRules} onChange={(e) => set('statusRules', e.target.value)} aria-describedby="status-rules-hint" />
                <small id="status-rules-hint" className="muted">
                  {t('import.statusRulesHint')}
                </small>
              </label>
              <fieldset className="field">
                <legend>{t('import.modeTitle')}</legend>
                <label className="radio">
                  <input type="radio" name="mode" checked={opts.mode === 'all'} onChange={() => set('mode', 'all')} />
                  {t('import.modeAll')}
                </label>
                <label className="radio">
                  <input type="radio" name="mode" checked={opts.mode === 'valid'} onChange={() => set('mode', 'valid')} data-testid="import-mode-valid" />
                  {t('import.modeValid')}
                </label>
              </fieldset>
            </section>
          </div>

          {(preview.errors.length > 0 || preview.warnings.length > 0) && (
            <section className="card" aria-labelledby="problems-h">
              <h2 id="problems-h">{t('import.problemsTitle')}</h2>
              <Problems list={preview.errors} kind="error" />
              <Problems list={preview.warnings} kind="warning" />
            </section>
          )}

          <section className="card import-go" aria-live="polite">
            {result ? (
              <Notice kind={result.imported > 0 ? 'ok' : 'error'} testId="import-result">
                {result.imported > 0 ? t('import.done', { count: result.imported }) : t('import.nothingDone')}{' '}
                {result.imported > 0 && <a href="#/attendees">{t('import.seeAttendees')}</a>}
              </Notice>
            ) : (
              <>
                <p data-testid="import-summary">{willImport > 0 ? t('import.ready', { count: willImport }) : preview.errors.length > 0 ? t('import.blocked') : t('import.nothing')}</p>
                <button type="button" className="button button--primary" disabled={willImport === 0 || checking || importing} onClick={() => void doImport()} data-testid="import-go">
                  {importing ? t('import.importing') : t('import.go', { count: willImport })}
                </button>
              </>
            )}
          </section>
        </>
      )}
      {file && !preview && checking && <p>{t('import.checking')}</p>}
    </Page>
  );
}

function Problems({ list, kind }: { list: ImportProblem[]; kind: 'error' | 'warning' }) {
  if (list.length === 0) return null;
  return (
    <DataTable
      caption={kind === 'error' ? t('import.errors', { count: list.length }) : t('import.warnings', { count: list.length })}
      showCaption
      compact
      testId={`import-${kind}s`}
      rows={list.slice(0, PROBLEMS_SHOWN)}
      rowKey={(_, i) => i}
      rowHeaders={false}
      rowClassName={() => (kind === 'error' ? 'bad-row' : undefined)}
      columns={[
        { header: t('import.row'), num: true, cell: (p) => p.row || '—' },
        { header: t('import.column'), cell: (p) => p.column || '—' },
        { header: t('import.problem'), cell: (p) => problemText(p) },
      ]}
      footer={list.length > PROBLEMS_SHOWN && <p className="muted">{t('import.moreProblems', { count: list.length - PROBLEMS_SHOWN })}</p>}
    />
  );
}

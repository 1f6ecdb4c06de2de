// The event: its name, venue, time zone and days (the days a badge is valid and the live view
// counts by), a description, and the Indico server whose ticket QR codes it accepts. Its id is
// chosen once: stations holding scans of one event refuse to mix in another's.
import { useEffect, useState, type FormEvent } from 'react';
import type { EventInfoRecord } from '../../../core/sync/protocol';
import { api } from '../api/client';
import { useMe } from '../api/session';
import { useResource } from '../api/useResource';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { useAction } from '../components/useAction';
import { t } from '../i18n';
import { slug } from '../slug';

const ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Europe/Vienna', 'UTC'];


export function EventPage() {
  const me = useMe();
  const r = useResource<EventInfoRecord | null>('/v1/admin/event');
  const retention = useResource<{ retentionDate: string | null; done: { date: string; at: number } | null }>(me.can('manage') ? '/v1/admin/retention' : null);
  const [form, setForm] = useState({ id: '', name: '', venue: '', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Vienna', days: [''], description: '', indicoHost: '', retentionDate: '' });
  const [idTouched, setIdTouched] = useState(false);
  const save = useAction();
  useEffect(() => {
    if (r.data) setForm({ ...r.data, indicoHost: r.data.indicoHost ?? '', description: r.data.description ?? '', days: r.data.days, retentionDate: r.data.retentionDate ?? '' });
  }, [r.data]);
  const exists = !!r.data;
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm((f) => ({ ...f, [k]: v }));
  const days = form.days.filter(Boolean);
  const badDay = days.find((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: EventInfoRecord = {
      id: exists ? form.id : form.id.trim() || slug(form.name, 'event'),
      name: form.name.trim(),
      venue: form.venue.trim(),
      timeZone: form.timeZone,
      days: [...new Set(days)].sort(),
      description: form.description,
      indicoHost: form.indicoHost.trim() || null,
      retentionDate: form.retentionDate || null,
    };
    const ok = await save.run(() => api.put('/v1/admin/event', body), () => t('event.saved'));
    if (ok !== undefined) {
      r.reload();
      retention.reload();
      await me.refresh();
    }
  };

  return (
    <Page title={t('event.title')} intro={exists ? t('event.introExisting') : t('event.introNew')}>
      <form className="card form" onSubmit={(e) => void submit(e)} data-testid="event-form">
        <label className="field">
          <span>{t('event.name')}</span>
          <input
            value={form.name}
            required
            maxLength={300}
            onChange={(e) => {
              set('name', e.target.value);
              if (!exists && !idTouched) set('id', slug(e.target.value, 'event'));
            }}
            data-testid="event-name-input"
          />
        </label>
        <label className="field">
          <span>{t('event.id')}</span>
          <input value={form.id} readOnly={exists} required maxLength={64} pattern="[A-Za-z0-9._\-]+" onChange={(e) => (setIdTouched(true), set('id', e.target.value))} aria-describedby="event-id-hint" data-testid="event-id" />
          <small id="event-id-hint" className="muted">
            {exists ? t('event.idFixed') : t('event.idHint')}
          </small>
        </label>
        <label className="field">
          <span>{t('event.venue')}</span>
          <input value={form.venue} maxLength={300} onChange={(e) => set('venue', e.target.value)} data-testid="event-venue" />
        </label>
        <label className="field">
          <span>{t('event.timeZone')}</span>
          <input value={form.timeZone} list="time-zones" required onChange={(e) => set('timeZone', e.target.value)} data-testid="event-tz" />
          <datalist id="time-zones">
            {ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </label>
        <fieldset className="field">
          <legend>{t('event.days')}</legend>
          {form.days.map((d, i) => (
            <div className="row" key={i}>
              <input
                type="date"
                value={d}
                aria-label={t('event.dayN', { n: i + 1 })}
                onChange={(e) => set('days', form.days.map((x, j) => (j === i ? e.target.value : x)))}
                data-testid={`event-day-${i}`}
              />
              {form.days.length > 1 && (
                <button type="button" className="button" onClick={() => set('days', form.days.filter((_, j) => j !== i))} aria-label={t('event.removeDay', { n: i + 1 })}>
                  {t('common.remove')}
                </button>
              )}
            </div>
          ))}
          <button type="button" className="button" onClick={() => set('days', [...form.days, ''])} data-testid="event-add-day">
            {t('event.addDay')}
          </button>
        </fieldset>
        <label className="field">
          <span>{t('event.description')}</span>
          <textarea value={form.description} maxLength={4000} rows={3} onChange={(e) => set('description', e.target.value)} />
        </label>
        <label className="field">
          <span>{t('event.indicoHost')}</span>
          <input value={form.indicoHost} maxLength={200} placeholder={t('event.indicoPlaceholder')} onChange={(e) => set('indicoHost', e.target.value)} aria-describedby="indico-hint" />
          <small id="indico-hint" className="muted">
            {t('event.indicoHint')}
          </small>
        </label>
        <label className="field">
          <span>{t('event.retentionDate')}</span>
          <input
            type="date"
            value={form.retentionDate}
            min={days.length ? [...days].sort().at(-1) : undefined}
            readOnly={!!retention.data?.done}
            onChange={(e) => set('retentionDate', e.target.value)}
            aria-describedby="retention-hint"
            data-testid="event-retention"
          />
          <small id="retention-hint" className="muted">
            {t('event.retentionHint')}
          </small>
        </label>
        {retention.data?.done && (
          <Notice kind="info" testId="event-retention-done">
            {t('event.retentionDone', { date: retention.data.done.date })}
          </Notice>
        )}
        {badDay && <Notice kind="error">{t('event.badDay')}</Notice>}
        {days.length === 0 && <Notice kind="info">{t('event.needDay')}</Notice>}
        {save.notice && (
          <Notice kind={save.notice.kind} testId="event-notice">
            {save.notice.text}
          </Notice>
        )}
        <button type="submit" className="button button--primary" disabled={save.busy || days.length === 0 || !!badDay} data-testid="event-save">
          {exists ? t('common.save') : t('event.create')}
        </button>
      </form>
    </Page>
  );
}

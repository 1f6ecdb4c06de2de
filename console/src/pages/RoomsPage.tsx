// Rooms: each one's safe capacity (the fire-safety limit), the fill levels at which doors and the
// live view warn, what a door does when the room is full (refuse or only warn), who may enter, and
// its floor. Organisers change them; logistics read them. A change reaches every door at its next sync.
import { useState, type FormEvent } from 'react';
import type { RoomRecord } from '../../../core/sync/protocol';
import { api } from '../api/client';
import { useMe } from '../api/session';
import { useResource } from '../api/useResource';
import { CategoryPicker } from '../components/CategoryPicker';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { useAction } from '../components/useAction';
import { count } from '../format';
import { t } from '../i18n';
import { categoryName } from '../names';
import { slug } from '../slug';
import { DataTable } from '../components/DataTable';

const EMPTY: RoomRecord = { id: '', name: '', capacity: 100, warnPct: 80, criticalPct: 95, fullPolicy: 'refuse', allowedCategories: null, floor: '' };

export function RoomsPage() {
  const me = useMe();
  const edit = me.can('manage');
  const rooms = useResource<RoomRecord[]>('/v1/admin/rooms', { live: true });
  const [form, setForm] = useState<RoomRecord | null>(null);
  const [isNew, setIsNew] = useState(false);
  const save = useAction();
  const set = <K extends keyof RoomRecord>(k: K, v: RoomRecord[K]) => setForm((f) => (f ? { ...f, [k]: v } : f));
  const badPct = form && !(form.warnPct >= 1 && form.warnPct <= form.criticalPct && form.criticalPct <= 100);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!form || badPct) return;
    const room = { ...form, id: isNew ? form.id || slug(form.name, 'room') : form.id, name: form.name.trim(), floor: form.floor.trim() };
    const ok = await save.run(() => api.put(`/v1/admin/rooms/${encodeURIComponent(room.id)}`, room), () => t('rooms.saved', { name: room.name }));
    if (ok !== undefined) {
      setForm(null);
      rooms.reload();
    }
  };

  return (
    <Page
      title={t('rooms.title')}
      intro={t('rooms.intro')}
      actions={
        edit && (
          <button type="button" className="button button--primary" onClick={() => (setIsNew(true), setForm({ ...EMPTY }), save.clear())} data-testid="room-add">
            {t('rooms.add')}
          </button>
        )
      }
    >
      {save.notice && !form && <Notice kind={save.notice.kind}>{save.notice.text}</Notice>}
      {form && (
        <form className="card form" onSubmit={(e) => void submit(e)} aria-labelledby="room-form-h" data-testid="room-form">
          <h2 id="room-form-h">{isNew ? t('rooms.newTitle') : t('rooms.editTitle', { name: form.name })}</h2>
          <label className="field">
            <span>{t('rooms.name')}</span>
            <input value={form.name} required maxLength={200} onChange={(e) => set('name', e.target.value)} autoFocus data-testid="room-name" />
          </label>
          <div className="row">
            <label className="field">
              <span>{t('rooms.capacity')}</span>
              <input type="number" min={0} max={1000000} required value={form.capacity} onChange={(e) => set('capacity', Number(e.target.value))} aria-describedby="cap-hint" data-testid="room-capacity" />
              <small id="cap-hint" className="muted">
                {t('rooms.capacityHint')}
              </small>
            </label>
            <label className="field">
              <span>{t('rooms.floor')}</span>
              <input value={form.floor} maxLength={100} onChange={(e) => set('floor', e.target.value)} data-testid="room-floor" />
            </label>
          </div>
          <div className="row">
            <label className="field">
              <span>{t('rooms.warnPct')}</span>
              <input type="number" min={1} max={100} required value={form.warnPct} onChange={(e) => set('warnPct', Number(e.target.value))} data-testid="room-warn" />
            </label>
            <label className="field">
              <span>{t('rooms.criticalPct')}</span>
              <input type="number" min={1} max={100} required value={form.criticalPct} onChange={(e) => set('criticalPct', Number(e.target.value))} data-testid="room-critical" />
            </label>
          </div>
          {badPct && <Notice kind="error">{t('rooms.badPct')}</Notice>}
          <fieldset className="field">
            <legend>{t('rooms.fullPolicy')}</legend>
            <label className="radio">
              <input type="radio" name="policy" checked={form.fullPolicy === 'refuse'} onChange={() => set('fullPolicy', 'refuse')} />
              {t('rooms.policy.refuse')}
            </label>
            <label className="radio">
              <input type="radio" name="policy" checked={form.fullPolicy === 'warn'} onChange={() => set('fullPolicy', 'warn')} />
              {t('rooms.policy.warn')}
            </label>
          </fieldset>
          <CategoryPicker legend={t('rooms.access')} value={form.allowedCategories} onChange={(v) => set('allowedCategories', v)} />
          {save.notice && <Notice kind={save.notice.kind}>{save.notice.text}</Notice>}
          <div className="row">
            <button type="submit" className="button button--primary" disabled={save.busy || !!badPct} data-testid="room-save">
              {t('common.save')}
            </button>
            <button type="button" className="button" onClick={() => setForm(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      <DataTable
        caption={t('rooms.title')}
        testId="rooms-table"
        rows={rooms.data}
        rowKey={(r) => r.id}
        empty={t('rooms.none')}
        columns={[
          { header: t('rooms.name'), cell: (r) => r.name },
          { header: t('rooms.floor'), cell: (r) => r.floor },
          { header: t('rooms.capacity'), num: true, cell: (r) => count(r.capacity) },
          { header: t('rooms.thresholds'), cell: (r) => t('rooms.thresholdValues', { warn: r.warnPct, critical: r.criticalPct }) },
          { header: t('rooms.whenFull'), cell: (r) => t(`rooms.policy.${r.fullPolicy}`) },
          { header: t('rooms.access'), cell: (r) => (r.allowedCategories ? r.allowedCategories.map(categoryName).join(', ') : t('common.everyone')) },
          edit && {
            header: t('stations.actions'),
            cell: (r) => (
              <button type="button" className="button" onClick={() => (setIsNew(false), setForm({ ...r }), save.clear())} aria-label={t('rooms.editWho', { name: r.name })}>
                {t('common.edit')}
              </button>
            ),
          },
        ]}
      />
    </Page>
  );
}

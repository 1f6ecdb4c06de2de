// Sessions: what happens in which room, when (in the event's time zone), who may attend (by
// category), and an invitation list — only the people on it are admitted; without one the
// session is open to everyone the room admits. People are added to a list by name.
import { useMemo, useState, type FormEvent } from 'react';
import type { RoomRecord, SessionRecord } from '../../../core/sync/protocol';
import { dayInZone, localToMillis, timeInZone } from '../../../core/time';
import { api } from '../api/client';
import { useMe } from '../api/session';
import { useResource } from '../api/useResource';
import { CategoryPicker } from '../components/CategoryPicker';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { useAction } from '../components/useAction';
import { count, day as dayLabel, time } from '../format';
import { t } from '../i18n';
import { slug } from '../slug';
import type { AttendeeRow } from './AttendeesPage';
import { DataTable } from '../components/DataTable';

interface Form {
  id: string;
  title: string;
  roomId: string;
  day: string;
  start: string;
  end: string;
  allowedCategories: string[] | null;
}

export function SessionsPage() {
  const me = useMe();
  const edit = me.can('manage');
  const tz = me.event?.timeZone ?? 'UTC';
  const sessions = useResource<SessionRecord[]>('/v1/admin/sessions', { live: true });
  const rooms = useResource<RoomRecord[]>('/v1/admin/rooms');
  const roomName = useMemo(() => new Map((rooms.data ?? []).map((r) => [r.id, r.name])), [rooms.data]);
  const [form, setForm] = useState<Form | null>(null);
  const [isNew, setIsNew] = useState(false);
  const [inviting, setInviting] = useState<SessionRecord | null>(null);
  const save = useAction();
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => (f ? { ...f, [k]: v } : f));
  const days = me.event?.days ?? [];

  const openNew = () => {
    setIsNew(true);
    setForm({ id: '', title: '', roomId: rooms.data?.[0]?.id ?? '', day: days[0] ?? '', start: '09:00', end: '10:00', allowedCategories: null });
    save.clear();
  };
  const openEdit = (s: SessionRecord) => {
    setIsNew(false);
    setForm({ id: s.id, title: s.title, roomId: s.roomId, day: dayInZone(s.startsAt, tz), start: timeInZone(s.startsAt, tz), end: timeInZone(s.endsAt, tz), allowedCategories: s.allowedCategories });
    save.clear();
  };
  const startsAt = form ? localToMillis(form.day, form.start, tz) : 0;
  const endsAt = form ? localToMillis(form.day, form.end, tz) : 0;
  const badTime = form && form.day && !(endsAt > startsAt);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!form || badTime) return;
    const old = sessions.data?.find((s) => s.id === form.id);
    const body: SessionRecord = {
      id: isNew ? form.id || slug(`${form.title}-${form.day}-${form.start}`, 'session') : form.id,
      roomId: form.roomId,
      title: form.title.trim(),
      startsAt,
      endsAt,
      allowedCategories: form.allowedCategories,
      invited: old?.invited ?? null,
    };
    const ok = await save.run(() => api.put(`/v1/admin/sessions/${encodeURIComponent(body.id)}`, body), () => t('sessions.saved', { title: body.title }));
    if (ok !== undefined) {
      setForm(null);
      sessions.reload();
    }
  };

  return (
    <Page
      title={t('sessions.title')}
      intro={t('sessions.intro', { timeZone: tz })}
      actions={
        edit && (
          <button type="button" className="button button--primary" onClick={openNew} disabled={!rooms.data?.length || !days.length} data-testid="session-add">
            {t('sessions.add')}
          </button>
        )
      }
    >
      {edit && rooms.data?.length === 0 && <Notice kind="info">{t('sessions.needRoom')}</Notice>}
      {save.notice && !form && <Notice kind={save.notice.kind}>{save.notice.text}</Notice>}
      {form && (
        <form className="card form" onSubmit={(e) => void submit(e)} aria-labelledby="session-form-h">
          <h2 id="session-form-h">{isNew ? t('sessions.newTitle') : t('sessions.editTitle', { title: form.title })}</h2>
          <label className="field">
            <span>{t('sessions.name')}</span>
            <input value={form.title} required maxLength={300} onChange={(e) => set('title', e.target.value)} autoFocus data-testid="session-title" />
          </label>
          <label className="field">
            <span>{t('sessions.room')}</span>
            <select value={form.roomId} onChange={(e) => set('roomId', e.target.value)} required data-testid="session-room">
              {(rooms.data ?? []).map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
          <div className="row">
            <label className="field">
              <span>{t('sessions.day')}</span>
              <select value={form.day} onChange={(e) => set('day', e.target.value)} required>
                {days.map((d) => (
                  <option key={d} value={d}>
                    {dayLabel(d)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('sessions.start')}</span>
              <input type="time" value={form.start} required onChange={(e) => set('start', e.target.value)} data-testid="session-start" />
            </label>
            <label className="field">
              <span>{t('sessions.end')}</span>
              <input type="time" value={form.end} required onChange={(e) => set('end', e.target.value)} data-testid="session-end" />
            </label>
          </div>
          {badTime && <Notice kind="error">{t('sessions.badTime')}</Notice>}
          <CategoryPicker legend={t('sessions.access')} value={form.allowedCategories} onChange={(v) => set('allowedCategories', v)} />
          {save.notice && <Notice kind={save.notice.kind}>{save.notice.text}</Notice>}
          <div className="row">
            <button type="submit" className="button button--primary" disabled={save.busy || !!badTime} data-testid="session-save">
              {t('common.save')}
            </button>
            <button type="button" className="button" onClick={() => setForm(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {inviting && <Invitations session={inviting} onClose={() => (setInviting(null), sessions.reload())} />}
      <DataTable
        caption={t('sessions.title')}
        testId="sessions-table"
        rows={sessions.data}
        rowKey={(s) => s.id}
        empty={t('sessions.none')}
        columns={[
          { header: t('sessions.name'), cell: (s) => s.title },
          { header: t('sessions.when'), cell: (s) => `${dayLabel(dayInZone(s.startsAt, tz))} ${time(s.startsAt, tz)}–${time(s.endsAt, tz)}` },
          { header: t('sessions.room'), cell: (s) => roomName.get(s.roomId) ?? s.roomId },
          { header: t('sessions.invitations'), cell: (s) => (s.invited ? t('sessions.invitedCount', { count: s.invited.length }) : t('sessions.open')) },
          edit && {
            header: t('stations.actions'),
            className: 'actions',
            cell: (s) => (
              <>
                <button type="button" className="button" onClick={() => openEdit(s)} aria-label={t('sessions.editWho', { title: s.title })}>
                  {t('common.edit')}
                </button>
                <button type="button" className="button" onClick={() => setInviting(s)} aria-label={t('sessions.inviteWho', { title: s.title })} data-testid={`invite-${s.id}`}>
                  {t('sessions.invitationsButton')}
                </button>
              </>
            ),
          },
        ]}
      />
    </Page>
  );
}

/** A session's invitation list: open to all, or only the people listed (found by name). */
function Invitations({ session, onClose }: { session: SessionRecord; onClose: () => void }) {
  const [ids, setIds] = useState<string[]>(session.invited ?? []);
  const [restricted, setRestricted] = useState(session.invited !== null && session.invited !== undefined);
  const [q, setQ] = useState('');
  const [found, setFound] = useState<AttendeeRow[]>([]);
  const [known, setKnown] = useState(new Map<string, string>());
  const save = useAction();
  const find = async (e: FormEvent) => {
    e.preventDefault();
    const rows = await api.get<AttendeeRow[]>(`/v1/admin/attendees?limit=20&q=${encodeURIComponent(q.trim())}`);
    setFound(rows);
    setKnown((k) => new Map([...k, ...rows.map((r) => [r.id, `${r.givenName} ${r.familyName}`] as const)]));
  };
  const submit = async () => {
    const ok = await save.run(() => api.put(`/v1/admin/sessions/${encodeURIComponent(session.id)}/invitations`, { attendeeIds: restricted ? ids : null }));
    if (ok !== undefined) onClose();
  };
  return (
    <section className="card form" aria-labelledby="inv-h" data-testid="invitations">
      <h2 id="inv-h">{t('sessions.invitationsTitle', { title: session.title })}</h2>
      <fieldset className="field">
        <legend>{t('sessions.who')}</legend>
        <label className="radio">
          <input type="radio" name="inv" checked={!restricted} onChange={() => setRestricted(false)} />
          {t('sessions.openAll')}
        </label>
        <label className="radio">
          <input type="radio" name="inv" checked={restricted} onChange={() => setRestricted(true)} data-testid="inv-restricted" />
          {t('sessions.onlyInvited')}
        </label>
      </fieldset>
      {restricted && (
        <>
          <form className="search" role="search" onSubmit={(e) => void find(e)}>
            <label className="inline-field">
              <span>{t('sessions.findPerson')}</span>
              <input type="search" value={q} onChange={(e) => setQ(e.target.value)} data-testid="inv-search" />
            </label>
            <button type="submit" className="button">
              {t('people.searchButton')}
            </button>
          </form>
          {found.length > 0 && (
            <ul className="picklist">
              {found.map((p) => (
                <li key={p.id}>
                  {p.givenName} {p.familyName} <span className="muted">{p.organisation}</span>{' '}
                  <button type="button" className="button" disabled={ids.includes(p.id)} onClick={() => setIds((x) => [...x, p.id])} aria-label={t('sessions.addWho', { name: `${p.givenName} ${p.familyName}` })}>
                    {t('sessions.addPerson')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <p>{t('sessions.invitedCount', { count: ids.length })}</p>
          <ul className="picklist">
            {ids.map((id) => (
              <li key={id}>
                {known.get(id) ?? id}{' '}
                <button type="button" className="button" onClick={() => setIds((x) => x.filter((y) => y !== id))} aria-label={t('sessions.removeWho', { name: known.get(id) ?? id })}>
                  {t('common.remove')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {save.notice && <Notice kind={save.notice.kind}>{save.notice.text}</Notice>}
      <div className="row">
        <button type="button" className="button button--primary" onClick={() => void submit()} disabled={save.busy} data-testid="inv-save">
          {t('common.save')} ({restricted ? count(ids.length) : t('sessions.open')})
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </section>
  );
}

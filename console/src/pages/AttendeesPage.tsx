// The attendee list: search by name; organisers also see notes and badge codes and can change a
// person's status or note (the registry's change reaches every station with the next sync);
// logistics read the list without notes or codes (the registry leaves them out).
import { useEffect, useState, type FormEvent } from 'react';
import { AttendeeStatus } from '../../../core/model';
import { api } from '../api/client';
import { useMe } from '../api/session';
import { useResource } from '../api/useResource';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { useAction } from '../components/useAction';
import { errorText } from '../api/client';
import { t } from '../i18n';
import { categoryName, statusName } from '../names';
import { DataTable } from '../components/DataTable';

export interface AttendeeRow {
  id: string;
  givenName: string;
  familyName: string;
  organisation: string;
  delegation: string;
  country: string;
  category: string;
  status: string;
  badgeVersion: number;
  validDays: string[] | null;
  source: string;
  notes?: string;
  badgeCodes?: string[];
  /** Safeguarding (#16): organisers get the legal name with the marker; logistics get the chosen name only. */
  protected?: boolean;
  chosenName?: string;
  /** A protocol (VIP) alert: organisers only (core/checkin/protocol-alert.ts). */
  protocol?: { host: string; note: string; room: string } | null;
}

const PAGE = 100;

export function AttendeesPage() {
  const me = useMe();
  const full = me.can('manage');
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [more, setMore] = useState<AttendeeRow[]>([]);
  const [lastBatch, setLastBatch] = useState(0);
  const [editing, setEditing] = useState<AttendeeRow | null>(null);
  const first = useResource<AttendeeRow[]>(`/v1/admin/attendees?limit=${PAGE}${query ? `&q=${encodeURIComponent(query)}` : ''}`, { live: true });
  const rows = [...(first.data ?? []), ...more];
  useEffect(() => {
    setMore([]);
    setLastBatch(first.data?.length ?? 0);
  }, [first.data]);
  const loadMore = async () => {
    const after = rows[rows.length - 1]?.id ?? '';
    const next = await api.get<AttendeeRow[]>(`/v1/admin/attendees?limit=${PAGE}&after=${encodeURIComponent(after)}${query ? `&q=${encodeURIComponent(query)}` : ''}`);
    setMore((m) => [...m, ...next]);
    setLastBatch(next.length);
  };
  const search = (e: FormEvent) => {
    e.preventDefault();
    setQuery(q.trim());
  };
  return (
    <Page title={t('people.title')} intro={full ? t('people.introFull') : t('people.introReadOnly')}>
      <form className="search" role="search" onSubmit={search}>
        <label className="inline-field">
          <span>{t('people.search')}</span>
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} maxLength={100} data-testid="people-search" />
        </label>
        <button type="submit" className="button">
          {t('people.searchButton')}
        </button>
      </form>
      {first.error ? <Notice kind="error">{errorText(first.error)}</Notice> : null}
      <DataTable
        caption={t('people.title')}
        testId="people-table"
        rows={first.data ? rows : undefined}
        rowKey={(a) => a.id}
        empty={query ? t('people.noMatch', { query }) : t('people.none')}
        columns={[
          { header: t('people.name'), cell: (a) => <PersonName a={a} /> },
          { header: t('people.organisation'), cell: (a) => a.organisation },
          { header: t('people.delegation'), cell: (a) => a.delegation },
          { header: t('people.category'), cell: (a) => categoryName(a.category) },
          { header: t('people.statusLabel'), cell: (a) => statusName(a.status) },
          full && { header: t('people.notes'), className: 'notes', cell: (a) => a.notes },
          full && { header: t('people.codes'), className: 'mono', cell: (a) => a.badgeCodes?.join(' ') },
          full && {
            header: t('people.actions'),
            cell: (a) => (
              <button type="button" className="button" onClick={() => setEditing(a)} aria-label={t('people.editWho', { name: `${a.givenName} ${a.familyName}` })}>
                {t('common.edit')}
              </button>
            ),
          },
        ]}
      />
      {lastBatch === PAGE && (
        <button type="button" className="button" onClick={() => void loadMore()}>
          {t('people.more')}
        </button>
      )}
      {editing && <EditAttendee person={editing} onClose={() => (setEditing(null), first.reload())} />}
    </Page>
  );
}

function EditAttendee({ person, onClose }: { person: AttendeeRow; onClose: () => void }) {
  const [status, setStatus] = useState(person.status);
  const [notes, setNotes] = useState(person.notes ?? '');
  const [protocol, setProtocol] = useState(person.protocol ?? { host: '', note: '', room: '' });
  const save = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const p = { host: protocol.host.trim(), note: protocol.note.trim(), room: protocol.room.trim() };
    // All three empty: no alert (null), so the person's arrivals raise none.
    const alert = p.host || p.note || p.room ? p : null;
    const ok = await save.run(() => api.patch(`/v1/admin/attendees/${encodeURIComponent(person.id)}`, { status, notes, protocol: alert }));
    if (ok !== undefined) onClose();
  };
  return (
    <section className="card form" aria-labelledby="edit-h">
      <h2 id="edit-h">{t('people.editTitle', { name: `${person.givenName} ${person.familyName}` })}</h2>
      <form onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{t('people.statusLabel')}</span>
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            {AttendeeStatus.options.map((s) => (
              <option key={s} value={s}>
                {statusName(s)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('people.notes')}</span>
          <textarea rows={3} maxLength={2000} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </label>
        <fieldset className="field">
          <legend>{t('people.protocolTitle')}</legend>
          <label className="field">
            <span>{t('people.protocolNote')}</span>
            <input type="text" maxLength={300} value={protocol.note} onChange={(e) => setProtocol({ ...protocol, note: e.target.value })} data-testid="edit-protocol-note" />
          </label>
          <label className="field">
            <span>{t('people.protocolHost')}</span>
            <input type="text" maxLength={200} value={protocol.host} onChange={(e) => setProtocol({ ...protocol, host: e.target.value })} data-testid="edit-protocol-host" />
          </label>
          <label className="field">
            <span>{t('people.protocolRoom')}</span>
            <input type="text" maxLength={200} value={protocol.room} onChange={(e) => setProtocol({ ...protocol, room: e.target.value })} data-testid="edit-protocol-room" />
          </label>
        </fieldset>
        <PhotoField person={person} />
        {save.notice && <Notice kind={save.notice.kind}>{save.notice.text}</Notice>}
        <div className="row">
          <button type="submit" className="button button--primary" disabled={save.busy}>
            {t('common.save')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

/**
 * The registration photo for the badge desk's ID check: shown, replaced by a JPEG or PNG the
 * registry checks and shrinks (its refusal is a sentence shown here), or deleted. Only desks get it.
 */
function PhotoField({ person }: { person: AttendeeRow }) {
  const action = useAction();
  const [version, setVersion] = useState(0);
  const [has, setHas] = useState(true);
  const path = `/v1/admin/attendees/${encodeURIComponent(person.id)}/photo`;
  const changed = () => (setHas(true), setVersion((v) => v + 1));
  return (
    <fieldset className="field" data-testid="edit-photo">
      <legend>{t('people.photo')}</legend>
      {has ? (
        // No photo on file answers 204, which the image fails to decode: then "No photo on file".
        <img src={`${path}?v=${version}`} alt={t('people.photoOf', { name: `${person.givenName} ${person.familyName}` })} width={120} onError={() => setHas(false)} />
      ) : (
        <p className="muted">{t('people.noPhoto')}</p>
      )}
      <label className="field">
        <span>{t('people.photoUpload')}</span>
        <input
          type="file"
          accept="image/jpeg,image/png"
          disabled={action.busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void action.run(() => api.upload(path, file, 'PUT'), () => (changed(), t('people.photoSaved')));
          }}
          data-testid="edit-photo-file"
        />
        <small className="muted">{t('people.photoHint')}</small>
      </label>
      {has && (
        <button type="button" className="button" disabled={action.busy} onClick={() => void action.run(() => api.delete(path), () => (setHas(false), t('people.photoDeleted')))}>
          {t('people.photoDelete')}
        </button>
      )}
      {action.notice && <Notice kind={action.notice.kind}>{action.notice.text}</Notice>}
    </fieldset>
  );
}

/** "Family, Given"; a protected person with the desk's marker (and, for organisers, the name shown instead). */
function PersonName({ a }: { a: AttendeeRow }) {
  const name = [a.familyName, a.givenName].filter(Boolean).join(', ');
  if (!a.protected) return <>{name}</>;
  return (
    <>
      {name || t('common.protectedParticipant')}
      <span className="tag tag--protected" data-testid="protected-marker">
        {t('people.protectedMarker')}
      </span>
      {a.chosenName && a.familyName && <span className="muted"> {t('people.shownAs', { name: a.chosenName })}</span>}
    </>
  );
}

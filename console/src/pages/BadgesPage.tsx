// Badge keys and revocations. Signed badges are checked offline with the event's public keys: a
// new registry key signs batch badges; deactivating one makes every badge it signed refused at
// the next sync. Revoking a badge version (lost, stolen, reprinted) refuses that printed badge
// everywhere, while the person's new badge keeps working.
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useMe } from '../api/session';
import { useResource } from '../api/useResource';
import { Confirm } from '../components/Confirm';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { useAction } from '../components/useAction';
import { dateTime } from '../format';
import { t } from '../i18n';
import type { AttendeeRow } from './AttendeesPage';
import { DataTable } from '../components/DataTable';

interface Key {
  keyId: number;
  publicKey: string;
  createdAt: number;
  active: boolean;
  /** A station's own key (its uploads and walk-in badges are signed with it); null: a registry key. */
  stationId?: string | null;
}
interface Revocation {
  attendeeId: string;
  badgeVersion: number;
  reason: string;
  revokedAt: number;
}
const REASONS = ['reprint', 'lost', 'stolen', 'other'] as const;

export function BadgesPage() {
  const me = useMe();
  const tz = me.event?.timeZone ?? 'UTC';
  const keys = useResource<Key[]>('/v1/admin/keys', { live: true });
  const revocations = useResource<Revocation[]>('/v1/admin/revocations', { live: true });
  const stations = useResource<{ id: string; name: string }[]>('/v1/admin/stations');
  const stationName = (id: string) => stations.data?.find((s) => s.id === id)?.name ?? id;
  const [closing, setClosing] = useState<Key | null>(null);
  const act = useAction();
  const newKey = async () => {
    await act.run(() => api.post<{ keyId: number }>('/v1/admin/keys', {}), (r) => t('badges.keyMade', { id: r.keyId }));
    keys.reload();
  };
  const deactivate = async (k: Key) => {
    setClosing(null);
    await act.run(() => api.post(`/v1/admin/keys/${k.keyId}/deactivate`), () => t('badges.keyClosed', { id: k.keyId }));
    keys.reload();
  };
  return (
    <Page title={t('badges.title')} intro={t('badges.intro')}>
      {act.notice && <Notice kind={act.notice.kind}>{act.notice.text}</Notice>}
      <section className="card" aria-labelledby="keys-h">
        <div className="card__head">
          <h2 id="keys-h">{t('badges.keysTitle')}</h2>
          <button type="button" className="button" onClick={() => void newKey()} disabled={act.busy} data-testid="key-new">
            {t('badges.newKey')}
          </button>
        </div>
        <DataTable
          caption={t('badges.keysTitle')}
          testId="keys-table"
          rows={keys.data}
          rowKey={(k) => k.keyId}
          empty={t('badges.noKeys')}
          columns={[
            { header: t('badges.keyId'), cell: (k) => k.keyId },
            { header: t('badges.publicKey'), className: 'mono', cell: (k) => `${k.publicKey.slice(0, 16)}…` },
            { header: t('badges.created'), cell: (k) => dateTime(k.createdAt, tz) },
            { header: t('badges.keyOwner'), cell: (k) => (k.stationId ? t('badges.stationKey', { name: stationName(k.stationId) }) : t('badges.registryKey')) },
            { header: t('badges.keyState'), cell: (k) => (k.active ? t('badges.active') : t('badges.inactive')) },
            {
              header: t('stations.actions'),
              // Switching a station's key off would get its uploads refused: the station is revoked instead.
              cell: (k) =>
                k.stationId ? (
                  k.active && <span className="muted">{t('badges.stationKeyAction')}</span>
                ) : (
                  k.active && (
                  <button type="button" className="button button--danger" onClick={() => setClosing(k)} aria-label={t('badges.deactivateWho', { id: k.keyId })}>
                    {t('badges.deactivate')}
                  </button>
                  )
                ),
            },
          ]}
        />
      </section>
      <RevokeBadge onDone={() => revocations.reload()} />
      <section className="card" aria-labelledby="rev-h">
        <h2 id="rev-h">{t('badges.revocationsTitle')}</h2>
        <DataTable
          caption={t('badges.revocationsTitle')}
          testId="revocations-table"
          rows={revocations.data}
          rowKey={(r) => `${r.attendeeId} ${r.badgeVersion}`}
          empty={t('badges.noRevocations')}
          columns={[
            { header: t('badges.attendee'), className: 'mono', cell: (r) => r.attendeeId },
            { header: t('badges.version'), num: true, cell: (r) => r.badgeVersion },
            { header: t('badges.reason'), cell: (r) => ((REASONS as readonly string[]).includes(r.reason) ? t(`badges.reasons.${r.reason as (typeof REASONS)[number]}`) : r.reason) },
            { header: t('badges.when'), cell: (r) => dateTime(r.revokedAt, tz) },
          ]}
        />
      </section>
      <Confirm open={!!closing} title={t('badges.deactivateTitle', { id: closing?.keyId ?? '' })} confirmLabel={t('badges.deactivate')} onCancel={() => setClosing(null)} onConfirm={() => closing && void deactivate(closing)}>
        <p>{t('badges.deactivateBody')}</p>
      </Confirm>
    </Page>
  );
}

function RevokeBadge({ onDone }: { onDone: () => void }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<AttendeeRow[]>([]);
  const [who, setWho] = useState<AttendeeRow | null>(null);
  const [reason, setReason] = useState<(typeof REASONS)[number]>('lost');
  const act = useAction();
  const find = async (e: FormEvent) => {
    e.preventDefault();
    setFound(await api.get<AttendeeRow[]>(`/v1/admin/attendees?limit=10&q=${encodeURIComponent(q.trim())}`));
  };
  const revoke = async () => {
    if (!who) return;
    const ok = await act.run(
      () => api.post('/v1/admin/revocations', { attendeeId: who.id, badgeVersion: who.badgeVersion, reason }),
      () => t('badges.revokedOne', { name: `${who.givenName} ${who.familyName}`, version: who.badgeVersion }),
    );
    if (ok !== undefined) {
      setWho(null);
      onDone();
    }
  };
  return (
    <section className="card form" aria-labelledby="revoke-h">
      <h2 id="revoke-h">{t('badges.revokeTitle')}</h2>
      <p className="muted">{t('badges.revokeIntro')}</p>
      <form className="search" role="search" onSubmit={(e) => void find(e)}>
        <label className="inline-field">
          <span>{t('sessions.findPerson')}</span>
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        <button type="submit" className="button">
          {t('people.searchButton')}
        </button>
      </form>
      {found.length > 0 && (
        <ul className="picklist">
          {found.map((p) => (
            <li key={p.id}>
              <label className="radio">
                <input type="radio" name="who" checked={who?.id === p.id} onChange={() => setWho(p)} />
                {p.givenName} {p.familyName} <span className="muted">{t('badges.currentVersion', { version: p.badgeVersion })}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {who && (
        <>
          <label className="field">
            <span>{t('badges.reason')}</span>
            <select value={reason} onChange={(e) => setReason(e.target.value as (typeof REASONS)[number])}>
              {REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`badges.reasons.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button button--danger" onClick={() => void revoke()} disabled={act.busy}>
            {t('badges.revokeButton', { version: who.badgeVersion })}
          </button>
        </>
      )}
      {act.notice && <Notice kind={act.notice.kind}>{act.notice.text}</Notice>}
    </section>
  );
}

// Stations: pair a new one with a one-time code shown as a QR (the pairing link with the
// registry's certificate fingerprint: the station scans it in Settings and pins the certificate),
// give a station whose laptop lost its token a new code, revoke one, and see each station's state —
// last seen, what it has not uploaded, its clock.
import { useState, type FormEvent } from 'react';
import type { LiveSnapshot, LiveStation } from '../../../core/console/live';
import { fingerprintHex } from '../../../core/sync/pairing-link';
import type { RoomRecord } from '../../../core/sync/protocol';
import { api } from '../api/client';
import { useMe } from '../api/session';
import { useResource } from '../api/useResource';
import { Confirm } from '../components/Confirm';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { QrCode } from '../components/QrCode';
import { StationTable } from '../components/StationTable';
import { useAction } from '../components/useAction';
import { dateTime } from '../format';
import { t } from '../i18n';

interface Issued {
  code: string;
  expiresAt: number;
  stationId: string | null;
  url: string;
  fingerprint: string | null;
  link: string;
  name: string;
}

export function StationsPage() {
  const me = useMe();
  const manage = me.can('manage');
  const tz = me.event?.timeZone ?? 'UTC';
  const live = useResource<LiveSnapshot>('/v1/console/live', { live: true, everyPing: true });
  const rooms = useResource<RoomRecord[]>('/v1/admin/rooms');
  const [issued, setIssued] = useState<Issued | null>(null);
  const [revoking, setRevoking] = useState<LiveStation | null>(null);
  const act = useAction();
  const issue = async (body: Record<string, unknown>, name: string) => {
    const r = await act.run(() => api.post<Omit<Issued, 'name'>>('/v1/admin/pairing-codes', body));
    if (r) setIssued({ ...r, name });
  };
  const revoke = async (s: LiveStation) => {
    setRevoking(null);
    await act.run(() => api.post(`/v1/admin/stations/${encodeURIComponent(s.id)}/revoke`), () => t('stations.revoked', { name: s.name }));
    live.reload();
  };
  const roomNames = new Map((rooms.data ?? []).map((r) => [r.id, r.name]));
  return (
    <Page title={t('stations.title')} intro={manage ? t('stations.intro') : t('stations.introReadOnly')}>
      {manage && <PairForm rooms={rooms.data ?? []} busy={act.busy} onIssue={issue} />}
      {issued && <IssuedCode issued={issued} timeZone={tz} onDone={() => setIssued(null)} />}
      {act.notice && <Notice kind={act.notice.kind} testId="stations-notice">{act.notice.text}</Notice>}
      <section className="card" aria-labelledby="st-h">
        <h2 id="st-h">{t('stations.listTitle')}</h2>
        {live.data && (
          <StationTable
            stations={live.data.stations}
            now={live.data.serverTime}
            rooms={roomNames}
            actions={
              manage
                ? (s) =>
                    s.state === 'revoked' ? (
                      <button type="button" className="button" onClick={() => void issue({ stationId: s.id, restore: true }, s.name)} aria-label={t('stations.restoreWho', { name: s.name })}>
                        {t('stations.restore')}
                      </button>
                    ) : (
                      <>
                        <button type="button" className="button" onClick={() => void issue({ stationId: s.id }, s.name)} aria-label={t('stations.newCodeWho', { name: s.name })}>
                          {t('stations.newCode')}
                        </button>
                        <button type="button" className="button button--danger" onClick={() => setRevoking(s)} aria-label={t('stations.revokeWho', { name: s.name })} data-testid={`revoke-${s.id}`}>
                          {t('stations.revoke')}
                        </button>
                      </>
                    )
                : undefined
            }
          />
        )}
      </section>
      <Confirm open={!!revoking} title={t('stations.revokeTitle', { name: revoking?.name ?? '' })} confirmLabel={t('stations.revoke')} onCancel={() => setRevoking(null)} onConfirm={() => revoking && void revoke(revoking)}>
        <p>{t('stations.revokeBody')}</p>
      </Confirm>
    </Page>
  );
}

function PairForm({ rooms, busy, onIssue }: { rooms: RoomRecord[]; busy: boolean; onIssue: (body: Record<string, unknown>, name: string) => Promise<void> }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<'desk' | 'door'>('desk');
  const [roomId, setRoomId] = useState('');
  const [doorMode, setDoorMode] = useState<'entry' | 'exit' | 'toggle'>('toggle');
  const [hours, setHours] = useState(24);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const door = role === 'door' ? { roomId: roomId || rooms[0]?.id, doorMode } : {};
    void onIssue({ name: name.trim() || undefined, role, ...door, ttlMinutes: hours * 60 }, name.trim());
  };
  return (
    <form className="card form" onSubmit={submit} aria-labelledby="pair-h" data-testid="pair-form">
      <h2 id="pair-h">{t('stations.pairTitle')}</h2>
      <p className="muted">{t('stations.pairIntro')}</p>
      <div className="row">
        <label className="field">
          <span>{t('stations.name')}</span>
          <input value={name} maxLength={120} onChange={(e) => setName(e.target.value)} aria-describedby="pair-name-hint" data-testid="pair-name" />
          <small id="pair-name-hint" className="muted">
            {t('stations.nameHint')}
          </small>
        </label>
        <label className="field">
          <span>{t('stations.role')}</span>
          <select value={role} onChange={(e) => setRole(e.target.value as 'desk' | 'door')} data-testid="pair-role">
            <option value="desk">{t('stations.desk')}</option>
            <option value="door" disabled={rooms.length === 0}>
              {t('stations.doorRole')}
            </option>
          </select>
        </label>
        <label className="field">
          <span>{t('stations.validFor')}</span>
          <select value={hours} onChange={(e) => setHours(Number(e.target.value))}>
            {[1, 8, 24, 72, 168].map((h) => (
              <option key={h} value={h}>
                {t('stations.hours', { count: h })}
              </option>
            ))}
          </select>
        </label>
      </div>
      {role === 'door' && (
        <div className="row">
          <label className="field">
            <span>{t('sessions.room')}</span>
            <select value={roomId || rooms[0]?.id} onChange={(e) => setRoomId(e.target.value)}>
              {rooms.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('stations.doorMode')}</span>
            <select value={doorMode} onChange={(e) => setDoorMode(e.target.value as 'entry' | 'exit' | 'toggle')}>
              {(['toggle', 'entry', 'exit'] as const).map((m) => (
                <option key={m} value={m}>
                  {t(`stations.mode.${m}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <button type="submit" className="button button--primary" disabled={busy} data-testid="pair-make">
        {t('stations.makeCode')}
      </button>
    </form>
  );
}

function IssuedCode({ issued, timeZone, onDone }: { issued: Issued; timeZone: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(issued.link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <section className="card pairing" aria-labelledby="code-h" data-testid="pairing-code-card">
      <h2 id="code-h">{issued.name ? t('stations.codeFor', { name: issued.name }) : t('stations.codeTitle')}</h2>
      <div className="pairing__body">
        <QrCode text={issued.link} label={t('stations.qrLabel')} testId="pairing-qr" />
        <div className="pairing__facts">
          <p className="pairing__code" data-testid="pairing-code">
            {issued.code}
          </p>
          <ol className="steps">
            <li>{t('stations.step1')}</li>
            <li>{t('stations.step2')}</li>
            <li>{t('stations.step3')}</li>
          </ol>
          <p className="mono break" data-testid="pairing-link">
            {issued.link}
          </p>
          <button type="button" className="button" onClick={() => void copy()}>
            {copied ? t('stations.copied') : t('stations.copyLink')}
          </button>
          {issued.fingerprint && (
            <p className="muted">
              {t('stations.fingerprint')} <span className="mono break" data-testid="pairing-fingerprint">{fingerprintHex(issued.fingerprint)}</span>
            </p>
          )}
          <p className="muted">{t('stations.expires', { at: dateTime(issued.expiresAt, timeZone) })}</p>
          <button type="button" className="button" onClick={onDone}>
            {t('stations.done')}
          </button>
        </div>
      </div>
    </section>
  );
}

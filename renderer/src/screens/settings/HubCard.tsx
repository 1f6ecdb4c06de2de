// Settings → LAN hub (docs/lan-hub.md): which path this station syncs by (the registry, a hub
// by name, or none), the switch that makes this station the hub of its event, and a hub address
// for networks that block multicast (where stations cannot find the hub by themselves).
import { useEffect, useState, type FormEvent } from 'react';
import type { SyncStatusInfo } from '../../../../core/api/sync';
import { api, announce } from '../../api';
import { useApiQuery } from '../../api/useApiQuery';
import { t } from '../../i18n';
import { errorText, stationText } from '../../i18n/station';

function pathText(s: SyncStatusInfo): string {
  if (!s.paired) return t('settings.hub.pathNone');
  if (s.via) return t('settings.hub.pathHub', { name: s.via });
  if (s.state === 'online') return t('settings.hub.pathRegistry');
  return t('settings.hub.pathOffline');
}

export function HubCard({ status }: { status: SyncStatusInfo | undefined }) {
  const hub = useApiQuery(() => api['sync.hub']({}), ['sync', 'status'], [], { intervalMs: 5000 });
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const h = hub.data;
  const paired = !!status?.paired;
  // The switch moves at once (starting a hub takes a moment), until the station says the same.
  const [serving, setServing] = useState<boolean | null>(null);
  useEffect(() => {
    if (serving !== null && h?.enabled === serving) setServing(null);
  }, [h?.enabled, serving]);
  // The field shows the address in use until someone types another.
  useEffect(() => setAddress(h?.address ?? ''), [h?.address]);

  const change = async (args: { enabled?: boolean; address?: string | null }) => {
    setBusy(true);
    setNote(null);
    if (args.enabled !== undefined) setServing(args.enabled);
    try {
      const r = await api['sync.hub'](args);
      setNote(r.notice ? { ok: false, text: stationText(r) } : { ok: true, text: t(args.enabled !== undefined ? (r.enabled ? 'settings.hub.on' : 'settings.hub.off') : 'settings.hub.saved') });
    } catch (err) {
      setServing(null);
      setNote({ ok: false, text: errorText(err) });
    } finally {
      setBusy(false);
      announce('status');
      hub.refresh();
    }
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    void change({ address: address.trim() || null });
  };

  return (
    <section className="settings__card" aria-labelledby="hub-title" data-testid="hub-card">
      <h2 id="hub-title">{t('settings.hub.title')}</h2>
      <p className="settings__muted">{t('settings.hub.intro')}</p>
      {status && (
        <dl className="settings__facts">
          <dt>{t('settings.hub.path')}</dt>
          <dd data-testid="hub-path">
            <strong>{pathText(status)}</strong>
          </dd>
        </dl>
      )}
      {note && (
        <p className={`settings__note ${note.ok ? 'settings__note--ok' : 'settings__note--bad'}`} role="status" data-testid="hub-note">
          {note.text}
        </p>
      )}
      {!paired && status && <p className="settings__muted">{t('settings.hub.notPaired')}</p>}
      <label className="settings__choice settings__switch">
        <input type="checkbox" role="switch" checked={serving ?? !!h?.enabled} disabled={!paired || busy || !h} onChange={(e) => void change({ enabled: e.target.checked })} data-testid="hub-serve" />
        {t('settings.hub.serve')}
      </label>
      {h?.enabled && h.url && (
        <p data-testid="hub-serving">
          {t('settings.hub.serving')} <strong className="settings__mono">{h.url}</strong>
        </p>
      )}
      {h?.enabled && !h.url && h.notice && !note && (
        <p className="settings__message" data-testid="hub-problem">
          {stationText(h)}
        </p>
      )}
      <form className="settings__form" onSubmit={save}>
        <label htmlFor="hub-address">{t('settings.hub.address')}</label>
        <p className="settings__muted" id="hub-address-hint">
          {t('settings.hub.addressHint')}
        </p>
        <input
          id="hub-address"
          className="settings__mono"
          value={address}
          onChange={(e) => setAddress(e.target.value)}
          placeholder="192.168.1.20:8788"
          aria-describedby="hub-address-hint"
          autoComplete="off"
          spellCheck={false}
          disabled={!paired}
          data-testid="hub-address"
        />
        <div className="settings__actions">
          <button type="submit" className="button" disabled={!paired || busy} data-testid="hub-address-save">
            {t('settings.hub.save')}
          </button>
          {h?.address && (
            <button type="button" className="button" disabled={busy} onClick={() => void change({ address: null })} data-testid="hub-address-clear">
              {t('settings.hub.clear')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

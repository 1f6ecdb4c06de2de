// Settings (#/settings): pair this station with the registry and see how sync is doing —
// online/offline, last successful sync, events waiting, refusals, clock, "admitted twice" —
// the LAN hub (be one, or the address of one), the desk's admission rules, how badges print on
// this computer, and kiosk mode.
import { useState, type FormEvent } from 'react';
import { parsePairingText } from '../../../../core/sync/pairing-link';
import { clockNotice } from '../../../../core/api/notice';
import { api, announce } from '../../api';
import { useStationStatus } from '../../api/StationStatus';
import { useApiQuery } from '../../api/useApiQuery';
import { DeskRulesCard } from './DeskRulesCard';
import { ForgetEvent } from './ForgetEvent';
import { HubCard } from './HubCard';
import { KioskCard } from './KioskCard';
import { PrintSettings } from './PrintSettings';
import { locale, t } from '../../i18n';
import { errorText, stationText } from '../../i18n/station';
import './settings.css';

/** Times in the event's time zone, like the status bar. */
function when(ms: number | null, timeZone: string | undefined): string {
  if (!ms) return t('settings.status.never');
  return new Intl.DateTimeFormat(locale(), { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(ms));
}

export function SettingsScreen() {
  const status = useApiQuery(() => api['sync.status']({}), ['sync', 'status'], [], { intervalMs: 5000 });
  const conflicts = useApiQuery(() => api['sync.conflicts']({ limit: 50 }), ['sync', 'scan'], []);
  const [url, setUrl] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState<'pair' | 'sync' | null>(null);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [repair, setRepair] = useState(false);
  const s = status.data;
  const timeZone = useStationStatus().data?.event.timeZone;

  const pair = async (e: FormEvent) => {
    e.preventDefault();
    setBusy('pair');
    setNote(null);
    try {
      const r = await api['sync.pair']({ url, code });
      setNote({ ok: r.paired, text: stationText(r) });
      if (r.paired) {
        setCode('');
        setRepair(false);
      }
    } catch (err) {
      setNote({ ok: false, text: errorText(err) });
    } finally {
      setBusy(null);
      announce('sync');
      status.refresh();
    }
  };

  const syncNow = async () => {
    setBusy('sync');
    setNote(null);
    try {
      const r = await api['sync.now']({});
      setNote({ ok: r.ok, text: r.ok ? t('settings.status.result', { pushed: r.pushed, pulled: r.pulled }) : stationText(r) });
    } catch (err) {
      setNote({ ok: false, text: errorText(err) });
    } finally {
      setBusy(null);
      announce('sync');
      status.refresh();
    }
  };

  const stateWord = s ? t(`settings.status.${s.state}`) : '';
  const showForm = s && (!s.paired || repair);

  return (
    <div className="settings">
      <h1 className="settings__title">{t('settings.title')}</h1>
      {note && (
        <p className={`settings__note ${note.ok ? 'settings__note--ok' : 'settings__note--bad'}`} role="status" data-testid="sync-note">
          {note.text}
        </p>
      )}
      <div className="settings__cols">
        <section className="settings__card" aria-labelledby="sync-title">
          <h2 id="sync-title">{t('settings.status.title')}</h2>
          {s && (
            <dl className="settings__facts" data-testid="sync-status" data-state={s.state}>
              <dt>{t('settings.status.connection')}</dt>
              <dd>
                <span className={`settings__dot settings__dot--${s.state}`} aria-hidden="true" />
                <strong>{stateWord}</strong>
                {s.state === 'online' && <span className="settings__muted"> · {s.live ? t('settings.status.live') : t('settings.status.noLive')}</span>}
              </dd>
              {s.message && (
                <>
                  <dt className="settings__sr">!</dt>
                  <dd className="settings__message" data-testid="sync-message">
                    {stationText(s)}
                  </dd>
                </>
              )}
              {s.registryUrl && (
                <>
                  <dt>{t('settings.status.registry')}</dt>
                  <dd className="settings__mono">{s.registryUrl}</dd>
                </>
              )}
              {/* Unpaired: no registry to sync with, upload to or compare clocks with — say only that. */}
              {s.paired && (
                <>
                  <dt>{t('settings.status.lastSync')}</dt>
                  <dd data-testid="sync-last">{when(s.lastSyncAt, timeZone)}</dd>
                  <dt>{t('settings.status.outbox')}</dt>
                  <dd data-testid="sync-outbox">{t('settings.status.events', { count: s.outbox })}</dd>
                  <dt>{t('settings.status.clock')}</dt>
                  <dd className={s.clockWarning ? 'settings__warn' : undefined}>{s.clockWarning ? stationText({ message: null, notice: clockNotice(s.clockSkewMs) }) : t('settings.status.clockOk')}</dd>
                </>
              )}
            </dl>
          )}
          {s?.paired && (
            <div className="settings__actions">
              <button type="button" className="button button--primary" onClick={() => void syncNow()} disabled={busy !== null} data-testid="sync-now">
                {busy === 'sync' ? t('settings.status.syncing') : t('settings.status.syncNow')}
              </button>
              {!repair && (
                <button type="button" className="button" onClick={() => setRepair(true)}>
                  {t('settings.registry.repair')}
                </button>
              )}
            </div>
          )}
          {s && s.rejected.length > 0 && (
            <div className="settings__list">
              <h3>{t('settings.rejected.title')}</h3>
              <p className="settings__muted">{t('settings.rejected.intro')}</p>
              <ul>
                {s.rejected.slice(-20).map((r) => (
                  <li key={r.eventId}>
                    #{r.seq ?? '?'} — {r.reason}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>

        <section className="settings__card" aria-labelledby="registry-title">
          <h2 id="registry-title">{t('settings.registry.title')}</h2>
          {s && !s.paired && <p className="settings__muted">{t('settings.registry.standalone')}</p>}
          {showForm ? (
            <form className="settings__form" onSubmit={(e) => void pair(e)}>
              <p className="settings__muted">{t('settings.registry.intro')}</p>
              <label htmlFor="registry-url">{t('settings.registry.url')}</label>
              <input id="registry-url" type="url" required value={url} onChange={(e) => {
                  setUrl(e.target.value);
                  // A pasted or scanned pairing link carries the code (and the certificate fingerprint).
                  const link = parsePairingText(e.target.value);
                  if (link?.code) setCode(link.code.toUpperCase());
                }} placeholder={t('settings.registry.urlHint')} autoComplete="off" data-testid="registry-url" />
              <label htmlFor="pairing-code">{t('settings.registry.code')}</label>
              <input
                id="pairing-code"
                className="settings__mono"
                required
                minLength={6}
                value={code}
                onChange={(e) => setCode(e.target.value.toUpperCase())}
                placeholder={t('settings.registry.codeHint')}
                autoComplete="off"
                spellCheck={false}
                data-testid="pairing-code"
              />
              <button type="submit" className="button button--primary" disabled={busy !== null} data-testid="pair">
                {busy === 'pair' ? t('settings.registry.pairing') : t('settings.registry.pair')}
              </button>
            </form>
          ) : (
            <p className="settings__muted">{t('settings.registry.paired')}</p>
          )}
        </section>

        <HubCard status={s} />

        <section className="settings__card" aria-labelledby="conflicts-title">
          <div className="settings__list">
            <h2 id="conflicts-title">{t('settings.conflicts.title')}</h2>
            <p className="settings__muted">{t('settings.conflicts.intro')}</p>
            {conflicts.data && conflicts.data.length === 0 && <p>{t('settings.conflicts.none')}</p>}
            <ul data-testid="conflicts">
              {conflicts.data?.map((c) => (
                <li key={`${c.attendeeId}/${c.day}`}>
                  <strong>{c.name}</strong> <span className="settings__muted">{t('settings.conflicts.row', { where: c.first.stationName, when: when(c.first.at, timeZone), count: c.admissions })}</span>
                </li>
              ))}
            </ul>
          </div>
        </section>

        <DeskRulesCard when={(ms) => when(ms, timeZone)} />
        <PrintSettings />
        <KioskCard />

        <ForgetEvent />
      </div>
    </div>
  );
}

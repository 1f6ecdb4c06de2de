// Settings (#/settings): pair this station with the registry and see how sync is doing —
// online/offline, last successful sync, events waiting, refusals, clock, "admitted twice".
import { useState, type FormEvent } from 'react';
import { api, ApiCallError, announce } from '../../api';
import { useStationStatus } from '../../api/StationStatus';
import { useApiQuery } from '../../api/useApiQuery';
import { ForgetEvent } from './ForgetEvent';
import { sw } from './words';
import './settings.css';

/** Times in the event's time zone, like the status bar. */
function when(ms: number | null, timeZone: string | undefined): string {
  if (!ms) return sw('status.never');
  return new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(ms));
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
      setNote({ ok: r.paired, text: r.message });
      if (r.paired) {
        setCode('');
        setRepair(false);
      }
    } catch (err) {
      setNote({ ok: false, text: err instanceof ApiCallError ? err.message : String(err) });
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
      setNote({ ok: r.ok, text: r.ok ? sw('status.result', { pushed: r.pushed, pulled: r.pulled }) : (r.message ?? '') });
    } catch (err) {
      setNote({ ok: false, text: err instanceof ApiCallError ? err.message : String(err) });
    } finally {
      setBusy(null);
      announce('sync');
      status.refresh();
    }
  };

  const stateWord = s ? sw(`status.${s.state}`) : '';
  const showForm = s && (!s.paired || repair);

  return (
    <div className="settings">
      <h1 className="settings__title">{sw('title')}</h1>
      {note && (
        <p className={`settings__note ${note.ok ? 'settings__note--ok' : 'settings__note--bad'}`} role="status" data-testid="sync-note">
          {note.text}
        </p>
      )}
      <div className="settings__cols">
        <section className="settings__card" aria-labelledby="sync-title">
          <h2 id="sync-title">{sw('status.title')}</h2>
          {s && (
            <dl className="settings__facts" data-testid="sync-status" data-state={s.state}>
              <dt>{sw('status.connection')}</dt>
              <dd>
                <span className={`settings__dot settings__dot--${s.state}`} aria-hidden="true" />
                <strong>{stateWord}</strong>
                {s.state === 'online' && <span className="settings__muted"> · {s.live ? sw('status.live') : sw('status.noLive')}</span>}
              </dd>
              {s.message && (
                <>
                  <dt className="settings__sr">!</dt>
                  <dd className="settings__message" data-testid="sync-message">
                    {s.message}
                  </dd>
                </>
              )}
              {s.registryUrl && (
                <>
                  <dt>{sw('status.registry')}</dt>
                  <dd className="settings__mono">{s.registryUrl}</dd>
                </>
              )}
              <dt>{sw('status.lastSync')}</dt>
              <dd data-testid="sync-last">{when(s.lastSyncAt, timeZone)}</dd>
              <dt>{sw('status.outbox')}</dt>
              <dd data-testid="sync-outbox">{s.outbox === 1 ? sw('status.outbox1') : sw('status.outboxN', { n: s.outbox })}</dd>
              <dt>{sw('status.clock')}</dt>
              <dd className={s.clockWarning ? 'settings__warn' : undefined}>{s.clockWarning ? (s.message ?? '') : sw('status.clockOk')}</dd>
            </dl>
          )}
          {s?.paired && (
            <div className="settings__actions">
              <button type="button" className="button button--primary" onClick={() => void syncNow()} disabled={busy !== null} data-testid="sync-now">
                {busy === 'sync' ? sw('status.syncing') : sw('status.syncNow')}
              </button>
              {!repair && (
                <button type="button" className="button" onClick={() => setRepair(true)}>
                  {sw('registry.repair')}
                </button>
              )}
            </div>
          )}
          {s && s.rejected.length > 0 && (
            <div className="settings__list">
              <h3>{sw('rejected.title')}</h3>
              <p className="settings__muted">{sw('rejected.intro')}</p>
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
          <h2 id="registry-title">{sw('registry.title')}</h2>
          {s && !s.paired && <p className="settings__muted">{sw('registry.standalone')}</p>}
          {showForm ? (
            <form className="settings__form" onSubmit={(e) => void pair(e)}>
              <p className="settings__muted">{sw('registry.intro')}</p>
              <label htmlFor="registry-url">{sw('registry.url')}</label>
              <input id="registry-url" type="url" required value={url} onChange={(e) => setUrl(e.target.value)} placeholder={sw('registry.urlHint')} autoComplete="off" data-testid="registry-url" />
              <label htmlFor="pairing-code">{sw('registry.code')}</label>
              <input
                id="pairing-code"
                className="settings__mono"
                required
                minLength={6}
                value={code}
                onChange={(e) => setCode(e.target.value.toUpperCase())}
                placeholder={sw('registry.codeHint')}
                autoComplete="off"
                spellCheck={false}
                data-testid="pairing-code"
              />
              <button type="submit" className="button button--primary" disabled={busy !== null} data-testid="pair">
                {busy === 'pair' ? sw('registry.pairing') : sw('registry.pair')}
              </button>
            </form>
          ) : (
            <p className="settings__muted">{sw('registry.paired')}</p>
          )}
        </section>

        <section className="settings__card" aria-labelledby="conflicts-title">
          <div className="settings__list">
            <h2 id="conflicts-title">{sw('conflicts.title')}</h2>
            <p className="settings__muted">{sw('conflicts.intro')}</p>
            {conflicts.data && conflicts.data.length === 0 && <p>{sw('conflicts.none')}</p>}
            <ul data-testid="conflicts">
              {conflicts.data?.map((c) => (
                <li key={`${c.attendeeId}/${c.day}`}>
                  <strong>{c.name}</strong> <span className="settings__muted">{sw('conflicts.row', { where: c.first.stationName, when: when(c.first.at, timeZone), n: c.admissions })}</span>
                </li>
              ))}
            </ul>
          </div>
        </section>

        <ForgetEvent />
      </div>
    </div>
  );
}

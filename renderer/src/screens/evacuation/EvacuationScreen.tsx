// The evacuation roll call on any station (docs/evacuation.md): who is inside now by floor and
// room, start and end a drill or an evacuation, mark people safe at the assembly point by badge
// (scanner or typed code, Enter) or by name, and the list for emergency services as PDF or CSV.
// Names follow the safeguarding rule; the counts shrink live as other stations' marks sync.
import { useState } from 'react';
import type { EvacuationPerson, EvacuationView } from '../../../../core/api/evacuation';
import { api, ApiCallError, announce } from '../../api';
import { useApiQuery } from '../../api/useApiQuery';
import { clockTime, localZone } from '../../format';
import { currentLanguage, t } from '../../i18n';
import { offerDownload } from '../occupancy/download';
import './evacuation.css';

export function EvacuationScreen() {
  const q = useApiQuery<EvacuationView>(() => api['evacuation.view']({}), ['occupancy', 'sync', 'scan'], [], { intervalMs: 5000 });
  const [code, setCode] = useState('');
  const [note, setNote] = useState<{ text: string; bad: boolean } | null>(null);
  const tz = localZone;
  const run = async (fn: () => Promise<string>) => {
    try {
      setNote({ text: await fn(), bad: false });
      announce('occupancy');
    } catch (err) {
      setNote({ text: err instanceof ApiCallError ? err.message : t('errors.unexpected'), bad: true });
    }
  };
  const safe = (args: { text?: string; attendeeId?: string; undo?: boolean }) =>
    run(async () => {
      const r = await api['evacuation.safe'](args);
      const who = r.attendee ? r.attendee.givenName || t('safeguard.protectedParticipant') : '';
      return t(`evac.outcome.${r.outcome}`, { name: who, n: r.unaccounted });
    });
  const v = q.data;
  if (!v) return <div className="evac">{q.error ? <p role="alert">{q.error}</p> : null}</div>;
  return (
    <div className="evac" data-testid="evacuation">
      <header className="evac__bar">
        <h1 className="evac__title">{v.evacuation ? t(v.evacuation.drill ? 'evac.drillRunning' : 'evac.running', { at: clockTime(v.evacuation.startedAt, tz) }) : t('evac.title')}</h1>
        <p className="evac__counts" data-testid="evac-counts" aria-live="polite">
          <strong data-testid="evac-unaccounted">{v.unaccounted}</strong> {t('evac.unaccounted')} · {v.safe} {t('evac.safe')} · {v.inside} {t('evac.inside')}
        </p>
      </header>
      <div className="evac__actions">
        {v.evacuation ? (
          <button type="button" className="button" data-testid="evac-end" onClick={() => void run(async () => (await api['evacuation.end']({}), t('evac.ended')))}>
            {t('evac.end')}
          </button>
        ) : (
          <>
            <button type="button" className="button button--warn" data-testid="evac-start" onClick={() => void run(async () => (await api['evacuation.start']({ drill: false }), t('evac.started')))}>
              {t('evac.start')}
            </button>
            <button type="button" className="button" data-testid="evac-drill" onClick={() => void run(async () => (await api['evacuation.start']({ drill: true }), t('evac.started')))}>
              {t('evac.drill')}
            </button>
          </>
        )}
        {(['pdf', 'csv'] as const).map((kind) => (
          <button
            key={kind}
            type="button"
            className="button"
            data-testid={`evac-export-${kind}`}
            onClick={() =>
              void run(async () => {
                const f = await api['evacuation.export']({ kind, lang: currentLanguage() });
                offerDownload(f);
                return t('evac.saved', { file: f.fileName });
              })
            }
          >
            {t(kind === 'pdf' ? 'evac.exportPdf' : 'evac.exportCsv')}
          </button>
        ))}
      </div>
      {v.evacuation && (
        <form
          className="evac__scan"
          onSubmit={(e) => {
            e.preventDefault();
            if (code.trim()) void safe({ text: code });
            setCode('');
          }}
        >
          <label htmlFor="evac-code">{t('evac.scanLabel')}</label>
          <input id="evac-code" data-testid="evac-code" value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" autoFocus />
          <button type="submit" className="button button--primary">
            {t('evac.markSafe')}
          </button>
        </form>
      )}
      {note && (
        <p className={`evac__note${note.bad ? ' evac__note--bad' : ''}`} role={note.bad ? 'alert' : 'status'} data-testid="evac-note">
          {note.text}
        </p>
      )}
      <div className="evac__lists">
        {v.floors.map((f) => (
          <section key={f.floor} className="evac__floor" aria-label={f.floor || t('evac.elsewhere')}>
            {f.rooms.map((r) => (
              <div key={r.roomId} className="evac__room">
                <h2>
                  {f.floor ? `${f.floor} · ` : ''}
                  {r.roomName || t('evac.elsewhere')} <span className="evac__room-count">{t('evac.roomCount', { n: r.unaccounted, total: r.people.length })}</span>
                </h2>
                <ul>
                  {r.people.map((p) => (
                    <Row key={p.attendeeId} p={p} evacuating={!!v.evacuation} onSafe={(undo) => void safe({ attendeeId: p.attendeeId, undo })} />
                  ))}
                </ul>
              </div>
            ))}
          </section>
        ))}
      </div>
      <footer className="evac__fresh" data-testid="evac-fresh">
        <h2>{t('evac.freshness')}</h2>
        <ul>
          {v.stations.map((s) => (
            <li key={s.id}>
              {s.name}
              {s.own ? ` (${t('evac.thisStation')})` : ''}: {s.lastEventAt ? clockTime(s.lastEventAt, tz) : '–'}
            </li>
          ))}
        </ul>
        <p>{v.lastSyncAt ? t('evac.lastSync', { at: clockTime(v.lastSyncAt, tz) }) : t('evac.neverSynced')}</p>
      </footer>
    </div>
  );
}

function Row({ p, evacuating, onSafe }: { p: EvacuationPerson; evacuating: boolean; onSafe: (undo: boolean) => void }) {
  const name = p.name || t('safeguard.protectedParticipant');
  return (
    <li className={`evac__person${p.safe ? ' evac__person--safe' : ''}`} data-testid="evac-person" data-safe={p.safe}>
      <span dir="auto">{name}</span>
      <span className="evac__cat">{p.categoryLabel}</span>
      {evacuating && (
        <button type="button" className="button button--small" onClick={() => onSafe(p.safe)} aria-label={`${p.safe ? t('evac.undoSafe') : t('evac.markSafe')}: ${name}`}>
          {p.safe ? t('evac.undoSafe') : t('evac.markSafe')}
        </button>
      )}
    </li>
  );
}

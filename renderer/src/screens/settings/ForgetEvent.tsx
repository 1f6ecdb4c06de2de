// "Forget this event" (Settings): after the event, wipe everything this station holds
// about it. A modal asks once; if scans have not reached the registry yet, the station
// refuses and the dialog asks a second time, naming how many would be lost.
import { useRef, useState } from 'react';
import type { ForgetResult } from '../../../../core/api/station-data';
import { api, announce } from '../../api';
import { t } from '../../i18n';
import { errorText, stationText } from '../../i18n/station';
import './forget.css';

export function ForgetEvent() {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const [second, setSecond] = useState<ForgetResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);

  const open = () => {
    setSecond(null);
    setNote(null);
    dialog.current?.showModal();
    cancel.current?.focus(); // the safe choice has focus
  };

  const forget = async () => {
    setBusy(true);
    try {
      const r = await api['station.forget']({ confirm: true, discardUnsynced: second !== null });
      if (r.needsSecondConfirmation) {
        setSecond(r);
        cancel.current?.focus();
        return;
      }
      dialog.current?.close();
      setNote({ ok: r.forgotten, text: stationText(r) });
      for (const topic of ['status', 'scan', 'attendees', 'occupancy', 'sync'] as const) announce(topic);
    } catch (err) {
      dialog.current?.close();
      setNote({ ok: false, text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="settings__card" aria-labelledby="forget-title">
      <h2 id="forget-title">{t('settings.forget.title')}</h2>
      <p className="settings__muted">{t('settings.forget.intro')}</p>
      {note && (
        <p className={`settings__note ${note.ok ? 'settings__note--ok' : 'settings__note--bad'}`} role="status" data-testid="forget-note">
          {note.text}
        </p>
      )}
      <div className="settings__actions">
        <button type="button" className="button forget__danger" onClick={open} data-testid="forget-open">
          {t('settings.forget.button')}
        </button>
      </div>
      <dialog ref={dialog} className="forget__dialog" aria-labelledby="forget-dialog-title" data-testid="forget-dialog" data-step={second ? 'second' : 'first'}>
        <h2 id="forget-dialog-title">{second ? t('settings.forget.secondTitle') : t('settings.forget.confirmTitle')}</h2>
        <p data-testid="forget-question">{second ? stationText(second) : t('settings.forget.confirmText')}</p>
        <div className="settings__actions">
          <button ref={cancel} type="button" className="button" onClick={() => dialog.current?.close()} data-testid="forget-cancel" autoFocus>
            {t('settings.forget.cancel')}
          </button>
          <button type="button" className="button forget__danger" onClick={() => void forget()} disabled={busy} data-testid="forget-confirm">
            {second ? t('settings.forget.confirmSecond', { count: second.unsynced }) : t('settings.forget.confirm')}
          </button>
        </div>
      </dialog>
    </section>
  );
}

// Settings → Kiosk mode: staff set the PIN (the only way out; the station keeps a salted hash) and
// turn this station into a self check-in kiosk (docs/kiosk.md). The shell then shows only the kiosk.
import { useId, useState, type FormEvent } from 'react';
import { KioskPin } from '../../../../core/api/kiosk';
import { announce, api } from '../../api';
import { useApiQuery } from '../../api/useApiQuery';
import { t } from '../../i18n';
import { errorText } from '../../i18n/station';

export function KioskCard() {
  const id = useId();
  const state = useApiQuery(() => api['kiosk.state']({}), ['status']);
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const pinSet = state.data?.pinSet ?? false;

  const savePin = async (e: FormEvent) => {
    e.preventDefault();
    if (!KioskPin.safeParse(pin).success) return setSaid({ ok: false, text: t('kiosk.settings.pinShape') });
    if (pin !== repeat) return setSaid({ ok: false, text: t('kiosk.settings.pinMismatch') });
    setBusy(true);
    try {
      await api['kiosk.setPin']({ pin });
      setPin('');
      setRepeat('');
      setSaid({ ok: true, text: t('kiosk.settings.pinSaved') });
      state.refresh();
    } catch (err) {
      setSaid({ ok: false, text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };
  const start = async () => {
    setBusy(true);
    try {
      await api['kiosk.start']({});
      announce('status'); // the shell switches to the kiosk
    } catch (err) {
      setSaid({ ok: false, text: errorText(err) });
      setBusy(false);
    }
  };

  return (
    <section className="settings__card" aria-labelledby={`${id}-title`} data-testid="kiosk-settings">
      <h2 id={`${id}-title`}>{t('kiosk.settings.title')}</h2>
      <p className="settings__muted">{t('kiosk.settings.intro')}</p>
      <form className="settings__form" onSubmit={(e) => void savePin(e)}>
        <label htmlFor={`${id}-pin`}>{t('kiosk.settings.pin')}</label>
        <input id={`${id}-pin`} type="password" inputMode="numeric" autoComplete="new-password" maxLength={12} value={pin} onChange={(e) => setPin(e.target.value)} data-testid="kiosk-set-pin" />
        <label htmlFor={`${id}-repeat`}>{t('kiosk.settings.pinRepeat')}</label>
        <input id={`${id}-repeat`} type="password" inputMode="numeric" autoComplete="new-password" maxLength={12} value={repeat} onChange={(e) => setRepeat(e.target.value)} data-testid="kiosk-set-pin-repeat" />
        <button type="submit" className="button" disabled={busy || !pin} data-testid="kiosk-save-pin">
          {pinSet ? t('kiosk.settings.changePin') : t('kiosk.settings.setPin')}
        </button>
      </form>
      <p className="settings__muted">{pinSet ? t('kiosk.settings.pinIsSet') : t('kiosk.settings.noPin')}</p>
      {said && (
        <p className={`settings__note ${said.ok ? 'settings__note--ok' : 'settings__note--bad'}`} role="status" data-testid="kiosk-settings-said">
          {said.text}
        </p>
      )}
      <div className="settings__actions">
        <button type="button" className="button button--primary" disabled={busy || !pinSet} onClick={() => void start()} data-testid="kiosk-start">
          {t('kiosk.settings.start')}
        </button>
      </div>
    </section>
  );
}

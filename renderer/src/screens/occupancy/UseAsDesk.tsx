// Turns a room door back into the front desk it was, after a confirmation that names the
// desk it becomes again. Shown on the door screen and, while the station is a door, on the
// check-in screen: a desk made a door by mistake is never stuck that way.
import { useState } from 'react';
import { announce, api } from '../../api';
import { useApiQuery } from '../../api/useApiQuery';
import { t } from '../../i18n';
import { errorText } from '../../i18n/station';

const TOPICS = ['status'] as const;

export function UseAsDesk({ onDone }: { onDone?: () => void }) {
  const status = useApiQuery(() => api['door.status']({}), TOPICS);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const deskName = status.data?.station.deskName ?? '';

  const confirm = async () => {
    try {
      await api['door.configure']({ roomId: null, mode: null });
      setAsking(false);
      announce('status');
      announce('occupancy');
      onDone?.();
      if (location.hash !== '#/checkin') location.hash = '#/checkin';
    } catch (err) {
      setError(errorText(err));
    }
  };

  if (!asking) {
    return (
      <button type="button" className="button button--small" onClick={() => setAsking(true)} data-testid="use-as-desk">
        {t('door.toDesk')}
      </button>
    );
  }
  return (
    <div className="role-confirm" role="alertdialog" aria-labelledby="use-as-desk-text" data-testid="use-as-desk-confirm">
      <p id="use-as-desk-text">{t('door.toDeskConfirm', { desk: deskName })}</p>
      {error && <p role="alert">{error}</p>}
      <div className="role-confirm__buttons">
        <button type="button" className="button button--primary" onClick={() => void confirm()} data-testid="use-as-desk-yes" autoFocus>
          {t('door.toDesk')}
        </button>
        <button type="button" className="button" onClick={() => setAsking(false)} data-testid="use-as-desk-no">
          {t('door.keepDoor')}
        </button>
      </div>
    </div>
  );
}

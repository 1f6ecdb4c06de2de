// The Undo button names whom it would take back ("Undo check-in of Anna Berger") before it
// is pressed; with no admission of this station in the last two minutes it reads "Undo last
// check-in" and pressing it says why nothing was undone. Ctrl+Z does the same as the button.
import { useEffect } from 'react';
import { api } from '../../api';
import { useApiQuery } from '../../api/useApiQuery';
import { Icon } from '../../components/Icon';
import { t } from '../../i18n';

const TOPICS = ['scan'] as const;

export function UndoButton({ onUndo, undoing }: { onUndo: () => void; undoing: boolean }) {
  const target = useApiQuery(() => api['checkin.undoable']({}), TOPICS);
  const until = target.data?.until;
  // The label must not promise an undo the window no longer allows: ask again when it closes.
  useEffect(() => {
    if (!until) return;
    const timer = setTimeout(target.refresh, Math.max(0, until - Date.now()) + 500);
    return () => clearTimeout(timer);
  }, [until, target.refresh]);
  const a = target.data?.attendee;
  const name = a ? `${a.givenName} ${a.familyName}`.trim() : '';
  return (
    <button type="button" className="button undo" data-testid="undo" data-target={target.data?.eventId ?? ''} onClick={onUndo} disabled={undoing}>
      <Icon name="undo" />
      <span className="undo__label" dir="auto">
        {undoing ? t('undo.working') : name ? t('undo.buttonNamed', { name }) : t('undo.button')}
      </span>
      <kbd>{t('undo.shortcut')}</kbd>
    </button>
  );
}

// The desk note on a person ("needs wheelchair access"): shown on every check-in of
// them, at every station after sync. Saving is a 'note' event in the log.
import { useEffect, useId, useRef, useState } from 'react';
import type { AttendeeSummary } from '../../../../core/model';
import { announce, api } from '../../api';
import { t } from '../../i18n';
import { errorText } from '../../i18n/station';

export function NoteDialog(props: { attendee: AttendeeSummary | null; onClose: () => void; onSaved: (a: AttendeeSummary) => void }) {
  const { attendee, onClose } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (attendee && !d.open) {
      setText(attendee.notes);
      setError(null);
      d.showModal();
    } else if (!attendee && d.open) d.close();
  }, [attendee]);

  const save = async (notes: string) => {
    if (!attendee) return;
    setSaving(true);
    try {
      const r = await api['desk.note']({ attendeeId: attendee.id, notes });
      announce('attendees');
      props.onSaved(r.attendee);
      onClose();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  const name = attendee ? `${attendee.givenName} ${attendee.familyName}`.trim() : '';
  return (
    <dialog ref={ref} className="walkin walkin--small" aria-labelledby={`${id}-title`} data-testid="note-dialog" onClose={onClose}>
      <h2 id={`${id}-title`} className="walkin__title" dir="auto">
        {t('note.title', { name })}
      </h2>
      <form
        className="walkin__form"
        onSubmit={(e) => {
          e.preventDefault();
          void save(text.trim());
        }}
      >
        <div className="walkin__field">
          <label htmlFor={`${id}-text`}>{t('note.label')}</label>
          <textarea
            id={`${id}-text`}
            data-testid="note-text"
            rows={3}
            maxLength={500}
            dir="auto"
            value={text}
            aria-describedby={`${id}-hint`}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              // Enter saves (a note is one line); Shift+Enter for a new line.
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                void save(text.trim());
              }
            }}
            autoFocus
          />
          <span id={`${id}-hint`} className="walkin__hint">
            {t('note.hint')}
          </span>
        </div>
        {error && (
          <p className="panel__error" role="alert">
            {error}
          </p>
        )}
        <div className="walkin__buttons">
          {attendee?.notes && (
            <button type="button" className="button" onClick={() => void save('')} disabled={saving}>
              {t('note.clear')}
            </button>
          )}
          <button type="button" className="button" onClick={onClose} disabled={saving}>
            {t('note.cancel')}
          </button>
          <button type="submit" className="button button--primary" data-testid="note-save" disabled={saving}>
            {saving ? t('note.saving') : t('note.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

// The desk's extra actions on the check-in screen: register a walk-in (F2 from
// anywhere) and edit the desk note of the person on the verdict panel. One hook owns
// the dialogs; the screen places the two buttons where they belong.
import { useEffect, useState, type ReactNode } from 'react';
import type { AttendeeSummary, CheckInResult } from '../../../../core/model';
import { announce, api } from '../../api';
import { Icon } from '../../components/Icon';
import { shownName } from '../../components/Safeguard';
import { t } from '../../i18n';
import { errorText } from '../../i18n/station';
import { NoteDialog } from './NoteDialog';
import type { PanelState } from './useCheckin';
import { WalkinDialog } from './WalkinDialog';

export interface DeskTools {
  walkinButton: ReactNode;
  /** Null when the panel shows nobody this station knows by name. */
  noteButton: ReactNode;
  /** "No photography" on or off for the person on the panel (null like noteButton). */
  noPhotoButton: ReactNode;
  dialogs: ReactNode;
  /** A walk-in or note dialog is open (keys belong to its form). */
  dialogOpen: boolean;
}

export function useDeskTools(props: {
  panel: PanelState;
  show: (result: CheckInResult) => void;
  admit: (attendeeId: string) => void;
  /** Called when a dialog closes: focus goes back to the scan field. */
  onDone: () => void;
}): DeskTools {
  const { panel, show, onDone } = props;
  const [walkin, setWalkin] = useState(false);
  const [noteFor, setNoteFor] = useState<AttendeeSummary | null>(null);
  const current = panel.state === 'verdict' ? panel.result : null;
  const person = current?.attendee && current.attendee.synced ? current.attendee : null;
  // Why the last "No photography" change was not saved, for the person it was asked for.
  const [noPhotoError, setNoPhotoError] = useState<{ id: string; text: string } | null>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F2' && !e.altKey && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        setWalkin(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return {
    dialogOpen: walkin || noteFor !== null,
    noteButton: person && (
      <button type="button" className="button desk__note" data-testid="note-edit" onClick={() => setNoteFor(person)}>
        <Icon name="note" />
        {t('note.edit')}
      </button>
    ),
    noPhotoButton: person && (
      <>
      <button
        type="button"
        className="button desk__nophoto"
        data-testid="nophoto-toggle"
        aria-pressed={person.noPhoto}
        onClick={() => {
          setNoPhotoError(null);
          void api['desk.noPhoto']({ attendeeId: person.id, noPhoto: !person.noPhoto }).then(
            (r) => {
              announce('attendees');
              if (current && current.attendee?.id === r.attendee.id) show({ ...current, attendee: r.attendee });
            },
            (err: unknown) => setNoPhotoError({ id: person.id, text: t('nophoto.failed', { name: shownName(person), reason: errorText(err) }) }),
          );
        }}
      >
        <Icon name="noCamera" />
        {t('safeguard.noPhoto')}
      </button>
      {noPhotoError?.id === person.id && (
        <p className="desk__nophoto-error" role="alert" data-testid="nophoto-error">
          {noPhotoError.text}
        </p>
      )}
      </>
    ),
    walkinButton: (
      <button type="button" className="button desk__walkin" data-testid="walkin-open" onClick={() => setWalkin(true)}>
        <Icon name="userPlus" />
        {t('walkin.open')}
        <kbd>{t('walkin.shortcut')}</kbd>
      </button>
    ),
    dialogs: (
      <>
        <WalkinDialog
          open={walkin}
          onClose={() => {
            setWalkin(false);
            onDone();
          }}
          onCheckedIn={show}
          onCheckInExisting={props.admit}
        />
        <NoteDialog
          attendee={noteFor}
          onClose={() => {
            setNoteFor(null);
            onDone();
          }}
          onSaved={(a) => {
            // Show the updated note on the panel without a new check-in.
            if (current && current.attendee?.id === a.id) show({ ...current, attendee: a });
          }}
        />
      </>
    ),
  };
}

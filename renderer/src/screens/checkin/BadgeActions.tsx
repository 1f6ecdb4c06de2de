// "Print badge" and "Reprint" for the person on the verdict panel, under the badge desk's
// print-once rule (core/checkin/collection.ts): the first print records the hand-over; any
// later one — here or at another desk — is a reprint with a reason (the old badge stops
// working at every station), never a silent second badge. Shown only for people this
// station knows by name.
import { useEffect, useState } from 'react';
import type { AttendeeSummary } from '../../../../core/model';
import { ApiCallError, announce, api } from '../../api';
import { printBadge, type PrintOutcome } from '../../badges/printBadge';
import { t } from '../../i18n';
import { errorText } from '../../i18n/station';
import { ReprintForm } from '../collect/PersonCard';
import '../collect/collect.css';
import './badge-actions.css';

type Step =
  | { kind: 'ready' }
  /** A reason is asked; `said`: why (the badge was already handed over, where and when). */
  | { kind: 'reason'; said?: string }
  | { kind: 'busy'; what: 'print' | 'reprint' }
  | { kind: 'done'; text: string; error?: boolean };

export function outcomeText(o: PrintOutcome): string {
  switch (o.kind) {
    case 'printed':
      return t('badge.printed');
    case 'cancelled':
      return t('badge.cancelled');
    case 'saved':
      return t('badge.saved', { message: o.message });
    case 'downloaded':
      return t('badge.downloaded', { file: o.fileName });
  }
}

/** `reprint`: offer "Reprint…" too (not for a badge that was just issued, e.g. a walk-in's). */
export function BadgeActions({ attendee, reprint: canReprint = true }: { attendee: AttendeeSummary; reprint?: boolean }) {
  const [step, setStep] = useState<Step>({ kind: 'ready' });
  // The hand-over is recorded but nothing came out (cancelled, saved, failed): printing again is no second badge.
  const [printAgain, setPrintAgain] = useState(false);
  useEffect(() => {
    setStep({ kind: 'ready' });
    setPrintAgain(false);
  }, [attendee.id]);
  if (!attendee.synced || attendee.status !== 'active') return null;

  const fail = (err: unknown) => setStep({ kind: 'done', error: true, text: t('badge.failed', { message: errorText(err) }) });

  /** Prints the current badge; `prefix` says what was recorded before it. */
  const printNow = async (prefix = '') => {
    try {
      const o = await printBadge(attendee.id);
      setPrintAgain(o.kind === 'cancelled' || o.kind === 'saved');
      setStep({ kind: 'done', text: `${prefix}${outcomeText(o)}` });
    } catch (err) {
      setPrintAgain(true);
      setStep({ kind: 'done', error: true, text: `${prefix}${t('badge.failed', { message: errorText(err) })}` });
    }
  };

  const print = async () => {
    setStep({ kind: 'busy', what: 'print' });
    if (!printAgain) {
      try {
        await api['collect.handOver']({ attendeeId: attendee.id });
        announce('attendees');
      } catch (err) {
        // Handed over already (here, at the badge desk, or at a desk that synced since): a reprint, with a reason.
        if (err instanceof ApiCallError && err.error.code === 'already_collected') setStep({ kind: 'reason', said: errorText(err) });
        else fail(err);
        return;
      }
    }
    await printNow();
  };

  const reprint = async (reason: string) => {
    setStep({ kind: 'busy', what: 'reprint' });
    try {
      const r = await api['badges.reprint']({ attendeeId: attendee.id, reason });
      announce('attendees');
      setPrintAgain(false);
      await printNow(`${t('badge.reprinted', { version: r.newVersion, code: r.code })} `);
    } catch (err) {
      fail(err);
    }
  };

  const busy = step.kind === 'busy';
  return (
    <div className="badge-actions" data-testid="badge-actions">
      {step.kind === 'reason' ? (
        <div className="badge-actions__confirm" role="alertdialog" aria-labelledby="reprint-q" data-testid="reprint-question">
          <p id="reprint-q">
            {step.said ?? t('badge.confirmReprint', { version: attendee.badgeVersion })}
          </p>
          <ReprintForm busy={false} onCancel={() => setStep({ kind: 'ready' })} onSubmit={(reason) => void reprint(reason)} />
        </div>
      ) : (
        <>
          <button type="button" className="button" data-testid="print-badge" onClick={() => void print()} disabled={busy}>
            {busy && step.what === 'print' ? t('badge.printing') : printAgain ? t('collect.printAgain') : t('badge.print')}
          </button>
          {canReprint && (
            <button type="button" className="button" data-testid="reprint-badge" onClick={() => setStep({ kind: 'reason' })} disabled={busy}>
              {busy && step.what === 'reprint' ? t('badge.reprinting') : t('badge.reprint')}
            </button>
          )}
        </>
      )}
      {step.kind === 'done' && (
        <p className={`badge-actions__status${step.error ? ' badge-actions__status--error' : ''}`} role="status" data-testid="badge-status">
          {step.text}
        </p>
      )}
    </div>
  );
}

// "Print badge" and "Reprint" for the person on the verdict panel. A reprint is
// confirmed first (the old badge stops working at every station), then the new
// badge is printed at once. Shown only for people this station knows by name.
import { useEffect, useState } from 'react';
import type { AttendeeSummary } from '../../../../core/model';
import { announce, api } from '../../api';
import { printBadge, type PrintOutcome } from '../../badges/printBadge';
import { t } from '../../i18n';
import { errorText } from '../../i18n/station';
import './badge-actions.css';

type Step = { kind: 'ready' } | { kind: 'confirm' } | { kind: 'busy'; what: 'print' | 'reprint' } | { kind: 'done'; text: string; error?: boolean };

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
  useEffect(() => setStep({ kind: 'ready' }), [attendee.id]);
  if (!attendee.synced || attendee.status !== 'active') return null;

  const fail = (err: unknown) => setStep({ kind: 'done', error: true, text: t('badge.failed', { message: errorText(err) }) });

  const print = async () => {
    setStep({ kind: 'busy', what: 'print' });
    try {
      setStep({ kind: 'done', text: outcomeText(await printBadge(attendee.id)) });
    } catch (err) {
      fail(err);
    }
  };

  const reprint = async () => {
    setStep({ kind: 'busy', what: 'reprint' });
    try {
      const r = await api['badges.reprint']({ attendeeId: attendee.id });
      announce('attendees');
      const printed = await printBadge(attendee.id).then(outcomeText, (err: unknown) => t('badge.failed', { message: errorText(err) }));
      setStep({ kind: 'done', text: `${t('badge.reprinted', { version: r.newVersion, code: r.code })} ${printed}` });
    } catch (err) {
      fail(err);
    }
  };

  const busy = step.kind === 'busy';
  return (
    <div className="badge-actions" data-testid="badge-actions">
      {step.kind === 'confirm' ? (
        <div className="badge-actions__confirm" role="alertdialog" aria-labelledby="reprint-q">
          <p id="reprint-q">{t('badge.confirmReprint', { version: attendee.badgeVersion })}</p>
          <button type="button" className="button button--primary" data-testid="reprint-confirm" onClick={() => void reprint()}>
            {t('badge.reprintNow')}
          </button>
          <button type="button" className="button" onClick={() => setStep({ kind: 'ready' })} autoFocus>
            {t('badge.keep')}
          </button>
        </div>
      ) : (
        <>
          <button type="button" className="button" data-testid="print-badge" onClick={() => void print()} disabled={busy}>
            {busy && step.what === 'print' ? t('badge.printing') : t('badge.print')}
          </button>
          {canReprint && (
            <button type="button" className="button" data-testid="reprint-badge" onClick={() => setStep({ kind: 'confirm' })} disabled={busy}>
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

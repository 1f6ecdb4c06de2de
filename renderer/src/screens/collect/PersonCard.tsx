// One person at the badge desk: who they are (to compare with the ID), what happened to their
// badge so far (handed over where and when, a second badge printed elsewhere, reprints,
// refusals), and the one action that fits: hand over, reprint with a reason, or refuse.
import { useEffect, useId, useRef, useState } from 'react';
import type { CollectView } from '../../../../core/api/collect';
import { REFUSAL_REASONS, type RefusalReason } from '../../../../core/checkin/collection';
import { when } from '../../format';
import { hasMessage, t } from '../../i18n';
import { categoryName } from '../../i18n/verdict';

const REPRINT_CHOICES = ['lost', 'damaged', 'misprint', 'wrongData', 'other'] as const;
type ReprintChoice = (typeof REPRINT_CHOICES)[number];

/** A reprint's reason as the log keeps it: a choice's code, or the desk's own words. */
export function reprintReasonText(reason: string): string {
  const key = `reprintReasonChoice.${reason}`;
  return hasMessage(key) ? t(key) : reason;
}

export interface CardActions {
  handOver(view: CollectView): Promise<void>;
  printAgain(view: CollectView): Promise<void>;
  reprint(view: CollectView, reason: string): Promise<void>;
  refuse(view: CollectView, reason: RefusalReason, note: string): Promise<void>;
  failed(view: CollectView, err: unknown): void;
}

type Form = { kind: 'none' } | { kind: 'reprint' } | { kind: 'refuse' };

export function PersonCard(props: {
  view: CollectView;
  status?: { text: string; error?: boolean; printAgain?: boolean };
  timeZone: string;
  actions: CardActions;
  onFormOpen: (open: boolean) => void;
  onDone: () => void;
}) {
  const { view, status, timeZone, actions, onFormOpen, onDone } = props;
  const a = view.attendee;
  const [form, setForm] = useState<Form>({ kind: 'none' });
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setForm({ kind: 'none' });
  }, [a.id]);
  useEffect(() => {
    onFormOpen(form.kind !== 'none');
  }, [form, onFormOpen]);

  const act = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
      setForm({ kind: 'none' });
    } catch (err) {
      actions.failed(view, err);
    } finally {
      setBusy(false);
      onDone();
    }
  };
  const at = (s: { stationName: string; at: number }) => ({ station: s.stationName, when: when(s.at, timeZone) });
  const name = `${a.givenName} ${a.familyName}`.trim();
  const inactive = a.status !== 'active';

  return (
    <div className="person" data-testid="collect-person">
      <div className="person__who">
        {view.photo ? (
          <img className="person__photo" data-testid="collect-photo" src={view.photo} alt={t('collect.photoOf', { name })} />
        ) : (
          <div className="person__photo person__photo--none" data-testid="collect-no-photo" role="img" aria-label={t('collect.noPhoto')}>
            <span aria-hidden="true">{t('collect.noPhoto')}</span>
          </div>
        )}
        <div>
          <h2 className="person__name" dir="auto">
            {name}
          </h2>
          <p className="person__meta" dir="auto">
            {[a.organisation, a.delegation, categoryName(a.category, a.categoryLabel)].filter(Boolean).join(' · ')}
            {view.badgeCode && <span className="person__code">{t('collect.code', { code: view.badgeCode })}</span>}
          </p>
        </div>
      </div>
      <ul className="person__history" data-testid="collect-history">
        {view.handedOver ? (
          <li className="history history--ok">{t('collect.handedOver', at(view.handedOver))}</li>
        ) : (
          <li className="history">{t('collect.notCollected')}</li>
        )}
        {view.printedAgain.map((s) => (
          <li key={s.eventId} className="history history--warn" data-testid="collect-printed-again">
            {t('collect.printedAgain', at(s))}
          </li>
        ))}
        {view.reprints.map((s) => (
          <li key={s.eventId} className="history">
            {t('collect.reprinted', { ...at(s), reason: reprintReasonText(s.reason) || '—' })}
          </li>
        ))}
        {view.refusals.map((s) => (
          <li key={s.eventId} className="history history--warn">
            {t('collect.refused', { ...at(s), reason: [t(`refusalReason.${s.reason}`), s.note].filter(Boolean).join(' — ') })}
          </li>
        ))}
      </ul>
      {inactive && <p className="panel__error">{t('collect.notActive')}</p>}
      {!inactive && !a.synced && <p className="panel__error">{t('collect.notSynced')}</p>}
      {!inactive && a.synced && !view.handedOver && form.kind === 'none' && <p className="person__idcheck">{t(view.photo ? 'collect.idCheckPhoto' : 'collect.idCheck')}</p>}

      {form.kind === 'reprint' && <ReprintForm busy={busy} onCancel={() => setForm({ kind: 'none' })} onSubmit={(r) => void act(() => actions.reprint(view, r))} />}
      {form.kind === 'refuse' && <RefuseForm busy={busy} onCancel={() => setForm({ kind: 'none' })} onSubmit={(r, n) => void act(() => actions.refuse(view, r, n))} />}
      {form.kind === 'none' && !inactive && a.synced && (
        <div className="person__actions">
          {view.canHandOver && (
            <button type="button" className="button button--primary button--big" data-testid="collect-hand-over" disabled={busy} onClick={() => void act(() => actions.handOver(view))}>
              {busy ? t('collect.handingOver') : t('collect.handOver')}
            </button>
          )}
          {status?.printAgain && view.handedOver && (
            <button type="button" className="button" data-testid="collect-print-again" disabled={busy} onClick={() => void act(() => actions.printAgain(view))}>
              {t('collect.printAgain')}
            </button>
          )}
          {view.handedOver && (
            <button type="button" className="button" data-testid="collect-reprint" disabled={busy} onClick={() => setForm({ kind: 'reprint' })}>
              {t('collect.reprint')}
            </button>
          )}
          {!view.handedOver && (
            <button type="button" className="button" data-testid="collect-refuse" disabled={busy} onClick={() => setForm({ kind: 'refuse' })}>
              {t('collect.refuse')}
            </button>
          )}
        </div>
      )}
      {status && (
        <p className={`person__status${status.error ? ' person__status--error' : ''}`} role="status" data-testid="collect-status">
          {status.text}
        </p>
      )}
    </div>
  );
}

/** Why another badge: a choice or the desk's own words (the badge desk and Check-in's second print). */
export function ReprintForm(props: { busy: boolean; onCancel: () => void; onSubmit: (reason: string) => void }) {
  const id = useId();
  const [choice, setChoice] = useState<ReprintChoice | null>(null);
  const [other, setOther] = useState('');
  const reason = choice === 'other' ? other.trim() : choice;
  const ref = useWholeInView();
  return (
    <form
      ref={ref}
      className="reason-form"
      data-testid="reprint-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason) props.onSubmit(reason);
      }}
    >
      <fieldset>
        <legend>{t('collect.reprintTitle')}</legend>
        <div className="reason-form__choices">
          {REPRINT_CHOICES.map((c, i) => (
            <label key={c} className="reason-form__choice">
              <input type="radio" name={`${id}-r`} value={c} checked={choice === c} onChange={() => setChoice(c)} autoFocus={i === 0} />
              {t(`reprintReasonChoice.${c}`)}
            </label>
          ))}
        </div>
        {choice === 'other' && (
          <label className="reason-form__note">
            {t('collect.reprintReason')}
            <input type="text" maxLength={200} value={other} onChange={(e) => setOther(e.target.value)} data-testid="reprint-other" autoFocus />
          </label>
        )}
      </fieldset>
      <FormButtons busy={props.busy} ready={!!reason} onCancel={props.onCancel} submit={t('collect.reprintNow')} testId="reprint-submit" />
    </form>
  );
}

function RefuseForm(props: { busy: boolean; onCancel: () => void; onSubmit: (reason: RefusalReason, note: string) => void }) {
  const id = useId();
  const [reason, setReason] = useState<RefusalReason | null>(null);
  const [note, setNote] = useState('');
  const ready = reason !== null && (reason !== 'other' || note.trim() !== '');
  const ref = useWholeInView();
  return (
    <form
      ref={ref}
      className="reason-form"
      data-testid="refuse-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) props.onSubmit(reason, note.trim());
      }}
    >
      <fieldset>
        <legend>{t('collect.refuseTitle')}</legend>
        <div className="reason-form__choices">
          {REFUSAL_REASONS.map((r, i) => (
            <label key={r} className="reason-form__choice">
              <input type="radio" name={`${id}-r`} value={r} checked={reason === r} onChange={() => setReason(r)} autoFocus={i === 0} />
              {t(`refusalReason.${r}`)}
            </label>
          ))}
        </div>
        <label className="reason-form__note">
          {t('collect.refuseNote')}
          <input type="text" maxLength={300} value={note} onChange={(e) => setNote(e.target.value)} data-testid="refuse-note" />
        </label>
      </fieldset>
      <FormButtons busy={props.busy} ready={ready} onCancel={props.onCancel} submit={t('collect.refuseNow')} testId="refuse-submit" />
    </form>
  );
}

function FormButtons(props: { busy: boolean; ready: boolean; onCancel: () => void; submit: string; testId: string }) {
  return (
    <div className="reason-form__buttons">
      <button type="button" className="button" onClick={props.onCancel} disabled={props.busy}>
        {t('collect.cancel')}
      </button>
      <button type="submit" className="button button--primary" data-testid={props.testId} disabled={props.busy || !props.ready}>
        {props.submit}
      </button>
    </div>
  );
}

/** A reason form opens below the person: scrolled so its buttons show at once on a small screen. */
function useWholeInView() {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' }); // Chromium returns a promise here: never an effect's cleanup
  }, []);
  return ref;
}

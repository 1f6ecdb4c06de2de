// Walk-in registration at the desk: a short form in a modal dialog (focus stays inside,
// Esc closes), a duplicate-name warning while typing and again before saving, then the
// new person is checked in and their badge can be printed on the spot. All offline:
// the station stores a 'walkin' event that sync carries to the registry later.
import { useEffect, useId, useRef, useState } from 'react';
import type { PossibleDuplicate } from '../../../../core/api/desk';
import { CATEGORIES, type AttendeeSummary, type Category, type CheckInResult } from '../../../../core/model';
import { announce, api } from '../../api';
import { t } from '../../i18n';
import { errorText } from '../../i18n/station';
import { categoryName } from '../../i18n/verdict';
import { BadgeActions } from './BadgeActions';
import './walkin.css';

const DUPLICATE_CHECK_MS = 250;

interface FormState {
  givenName: string;
  familyName: string;
  organisation: string;
  delegation: string;
  country: string;
  category: Category;
  days: 'all' | 'today';
  notes: string;
  /** Safeguarding (docs/safeguarding.md). */
  protected: boolean;
  chosenName: string;
  noPhoto: boolean;
}
const EMPTY: FormState = { givenName: '', familyName: '', organisation: '', delegation: '', country: '', category: 'ngo', days: 'all', notes: '', protected: false, chosenName: '', noPhoto: false };

type Step = { kind: 'form' } | { kind: 'saving' } | { kind: 'done'; attendee: AttendeeSummary; badgeCode: string; checkedIn: boolean };

export function WalkinDialog(props: {
  open: boolean;
  onClose: () => void;
  /** The new person's check-in verdict, for the main verdict panel. */
  onCheckedIn: (result: CheckInResult) => void;
  /** The volunteer chose an existing person from the duplicate warning. */
  onCheckInExisting: (attendeeId: string) => void;
}) {
  const { open, onClose } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const firstField = useRef<HTMLInputElement>(null);
  const id = useId();
  const [form, setForm] = useState<FormState>(EMPTY);
  const [step, setStep] = useState<Step>({ kind: 'form' });
  const [duplicates, setDuplicates] = useState<PossibleDuplicate[]>([]);
  /** Set once the volunteer has seen the warning on submit: the next submit registers anyway. */
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      setForm(EMPTY);
      setStep({ kind: 'form' });
      setDuplicates([]);
      setConfirming(false);
      setError(null);
      d.showModal();
      firstField.current?.focus();
    } else if (!open && d.open) d.close();
  }, [open]);

  // Live duplicate warning while the names are typed.
  useEffect(() => {
    if (!open || step.kind !== 'form') return;
    const givenName = form.givenName.trim();
    const familyName = form.familyName.trim();
    if (!familyName && !givenName) {
      setDuplicates([]);
      return;
    }
    let stale = false;
    const timer = setTimeout(() => {
      api['desk.duplicates']({ givenName, familyName }).then(
        (d) => !stale && setDuplicates(d),
        () => undefined, // the warning is a help; saving checks again
      );
    }, DUPLICATE_CHECK_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [form.givenName, form.familyName, open, step.kind]);

  useEffect(() => setConfirming(false), [form.givenName, form.familyName]);
  // On a 768-px screen the warning lands below the fields: bring it into view (the buttons stay pinned).
  const dupesBox = useRef<HTMLElement>(null);
  const hasDuplicates = duplicates.length > 0;
  useEffect(() => {
    if (hasDuplicates) dupesBox.current?.scrollIntoView?.({ block: 'nearest' });
  }, [hasDuplicates]);

  const set = <K extends keyof FormState>(k: K) => (v: FormState[K]) => setForm((f) => ({ ...f, [k]: v }));

  const submit = async () => {
    if (!form.givenName.trim() && !form.familyName.trim()) return setError(t('walkin.nameRequired'));
    if (form.country.trim() && !/^[A-Za-z]{2}$/.test(form.country.trim())) return setError(t('walkin.countryInvalid'));
    setError(null);
    setStep({ kind: 'saving' });
    try {
      const r = await api['desk.walkin']({ form, allowDuplicates: confirming });
      if (r.status === 'duplicates') {
        setDuplicates(r.duplicates);
        setConfirming(true);
        setStep({ kind: 'form' });
        return;
      }
      announce('attendees');
      if (r.checkin) props.onCheckedIn(r.checkin);
      setStep({ kind: 'done', attendee: r.attendee, badgeCode: r.badgeCode, checkedIn: !!r.checkin });
    } catch (err) {
      setError(errorText(err));
      setStep({ kind: 'form' });
    }
  };

  const saving = step.kind === 'saving';
  const name = step.kind === 'done' ? `${step.attendee.givenName} ${step.attendee.familyName}`.trim() : '';
  return (
    <dialog ref={ref} className="walkin" aria-labelledby={`${id}-title`} data-testid="walkin-dialog" onClose={onClose}>
      <h2 id={`${id}-title`} className="walkin__title">
        {t('walkin.title')}
      </h2>
      {step.kind === 'done' ? (
        <div className="walkin__done" role="status">
          <p className="walkin__success" data-testid="walkin-done" dir="auto">
            {t(step.checkedIn ? 'walkin.registered' : 'walkin.registeredOnly', { name })}
          </p>
          <p className="walkin__code">{t('walkin.badgeCode', { code: step.badgeCode })}</p>
          <div className="walkin__buttons">
            <BadgeActions attendee={step.attendee} reprint={false} />
            <button type="button" className="button button--primary" onClick={onClose} autoFocus data-testid="walkin-close">
              {t('walkin.done')}
            </button>
          </div>
        </div>
      ) : (
        <form
          className="walkin__form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <div className="walkin__row">
            <Field id={`${id}-given`} label={t('walkin.givenName')}>
              <input id={`${id}-given`} ref={firstField} data-testid="walkin-given" value={form.givenName} onChange={(e) => set('givenName')(e.target.value)} autoComplete="off" dir="auto" maxLength={200} />
            </Field>
            <Field id={`${id}-family`} label={t('walkin.familyName')}>
              <input id={`${id}-family`} data-testid="walkin-family" value={form.familyName} onChange={(e) => set('familyName')(e.target.value)} autoComplete="off" dir="auto" maxLength={200} />
            </Field>
          </div>
          <div className="walkin__row">
            <Field id={`${id}-org`} label={t('walkin.organisation')}>
              <input id={`${id}-org`} data-testid="walkin-org" value={form.organisation} onChange={(e) => set('organisation')(e.target.value)} autoComplete="off" dir="auto" maxLength={300} />
            </Field>
            <Field id={`${id}-deleg`} label={t('walkin.delegation')}>
              <input id={`${id}-deleg`} data-testid="walkin-delegation" value={form.delegation} onChange={(e) => set('delegation')(e.target.value)} autoComplete="off" dir="auto" maxLength={200} />
            </Field>
            <Field id={`${id}-country`} label={t('walkin.country')} hint={t('walkin.countryHint')} narrow>
              <input id={`${id}-country`} data-testid="walkin-country" value={form.country} onChange={(e) => set('country')(e.target.value.toUpperCase())} autoComplete="off" maxLength={2} />
            </Field>
          </div>
          <div className="walkin__row">
            <Field id={`${id}-cat`} label={t('walkin.category')}>
              <select id={`${id}-cat`} data-testid="walkin-category" value={form.category} onChange={(e) => set('category')(e.target.value as Category)}>
                {CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {categoryName(c, c)}
                  </option>
                ))}
              </select>
            </Field>
            <fieldset className="walkin__days">
              <legend>{t('walkin.days')}</legend>
              {(['all', 'today'] as const).map((d) => (
                <label key={d}>
                  <input type="radio" name={`${id}-days`} value={d} checked={form.days === d} onChange={() => set('days')(d)} />
                  {t(d === 'all' ? 'walkin.daysAll' : 'walkin.daysToday')}
                </label>
              ))}
            </fieldset>
          </div>
          <Field id={`${id}-notes`} label={t('walkin.notes')} hint={t('walkin.notesHint')}>
            <input id={`${id}-notes`} data-testid="walkin-notes" value={form.notes} onChange={(e) => set('notes')(e.target.value)} autoComplete="off" dir="auto" maxLength={500} />
          </Field>
          <fieldset className="walkin__safeguard">
            <legend>{t('walkin.safeguarding')}</legend>
            <label>
              <input type="checkbox" data-testid="walkin-protected" checked={form.protected} onChange={(e) => set('protected')(e.target.checked)} />
              {t('walkin.protected')}
            </label>
            {form.protected && (
              <Field id={`${id}-chosen`} label={t('walkin.chosenName')} hint={t('walkin.chosenNameHint')}>
                <input id={`${id}-chosen`} data-testid="walkin-chosen" value={form.chosenName} onChange={(e) => set('chosenName')(e.target.value)} autoComplete="off" dir="auto" maxLength={200} />
              </Field>
            )}
            <label>
              <input type="checkbox" data-testid="walkin-nophoto" checked={form.noPhoto} onChange={(e) => set('noPhoto')(e.target.checked)} />
              {t('walkin.noPhoto')}
            </label>
          </fieldset>

          {duplicates.length > 0 && (
            <section ref={dupesBox} className="walkin__dupes" role="alert" data-testid="walkin-duplicates" aria-labelledby={`${id}-dupes`}>
              <h3 id={`${id}-dupes`}>{t('walkin.duplicatesTitle')}</h3>
              <p>{t('walkin.duplicatesHint')}</p>
              <ul>
                {duplicates.map((d) => (
                  <li key={d.attendee.id}>
                    <span className="walkin__dupe-name" dir="auto">
                      {d.attendee.givenName} {d.attendee.familyName}
                    </span>
                    <span className="walkin__dupe-meta" dir="auto">
                      {[t(d.match === 'same' ? 'walkin.same' : 'walkin.similar'), d.attendee.organisation, d.attendee.delegation, categoryName(d.attendee.category, d.attendee.categoryLabel)]
                        .filter(Boolean)
                        .join(' · ')}
                      {d.checkedInToday && <span className="tag tag--ok">{t('walkin.checkedIn')}</span>}
                    </span>
                    <button
                      type="button"
                      className="button"
                      onClick={() => {
                        props.onCheckInExisting(d.attendee.id);
                        onClose();
                      }}
                    >
                      {t('walkin.checkInThis')}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {error && (
            <p className="panel__error" role="alert" data-testid="walkin-error">
              {error}
            </p>
          )}
          <div className="walkin__buttons">
            <button type="button" className="button" onClick={onClose} disabled={saving}>
              {t('walkin.cancel')}
            </button>
            <button type="submit" className={`button ${confirming ? 'button--warn' : 'button--primary'}`} data-testid="walkin-submit" disabled={saving}>
              {saving ? t('walkin.saving') : confirming ? t('walkin.submitAnyway') : t('walkin.submit')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}

function Field(props: { id: string; label: string; hint?: string; narrow?: boolean; children: React.ReactNode }) {
  return (
    <div className={`walkin__field${props.narrow ? ' walkin__field--narrow' : ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.hint && <span className="walkin__hint">{props.hint}</span>}
    </div>
  );
}

// The self check-in kiosk (docs/kiosk.md): the whole window, one person at a time. Welcome (with a
// language choice) → scan the QR (camera or scanner) or type surname + registration code → "Is this
// you?" → the badge prints through the desk's print-once hand-over → done. Anyone the kiosk may not
// serve is sent to the staffed desk with the same neutral sentence; after 30 s without a touch the
// kiosk returns to its welcome screen in its own language (core/kiosk/idle.ts). Only the staff PIN
// ends it; the station refuses every other method meanwhile (station/kiosk.ts).
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { KioskAnswer } from '../../../../core/api/kiosk';
import { idleResetAt, type KioskStep } from '../../../../core/kiosk/idle';
import { announce, api, bridge } from '../../api';
import { useStationStatus } from '../../api/StationStatus';
import { getPrintPrefs, printBadge } from '../../badges/printBadge';
import { CameraScanner } from '../../camera/CameraScanner';
import { currentLanguage, setLanguage, t, tIn, useLanguage } from '../../i18n';
import { errorText } from '../../i18n/station';
import { LANGUAGES, type Language } from '../../prefs/prefs';
import { alternativesFor } from '../../scanner/layout-notice';
import { useScannerBurst } from '../../scanner/useScannerBurst';
import './kiosk.css';

const NATIVE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch', fr: 'Français', ru: 'Русский' };

type Step =
  | { kind: 'welcome' }
  | { kind: 'scan'; missed?: boolean }
  | { kind: 'type'; missed?: boolean }
  | { kind: 'confirm'; attendeeId: string; name: string; delegation: string }
  | { kind: 'printing' }
  | { kind: 'done' }
  | { kind: 'desk'; printFailed?: boolean }
  | { kind: 'locked'; lockedForMs: number }
  | { kind: 'pin' };

export function KioskScreen({ initialLockMs = 0 }: { initialLockMs?: number }) {
  useLanguage();
  const home = useRef<Language>(currentLanguage());
  const [step, setStep] = useState<Step>(initialLockMs > 0 ? { kind: 'locked', lockedForMs: initialLockMs } : { kind: 'welcome' });
  const [busy, setBusy] = useState(false);
  const [lastActivity, setLastActivity] = useState(() => Date.now());
  const headingRef = useRef<HTMLHeadingElement>(null);
  // An evacuation or drill (started here before kiosk mode, or anywhere: its event arrives by sync).
  const evacuation = useStationStatus().data?.evacuation ?? null;

  const reset = useCallback(() => {
    if (currentLanguage() !== home.current) setLanguage(home.current);
    setBusy(false);
    setStep({ kind: 'welcome' });
  }, []);

  // In the desktop app the window goes full screen and cannot be closed (electron/kiosk.main.ts); elsewhere nothing answers.
  useEffect(() => {
    void bridge.call('kiosk.window', {});
  }, []);
  // Any touch, click or key counts as someone being there. (Not 'input': a render before React's own
  // input handler would put the old value back into a controlled field.)
  useEffect(() => {
    const touch = () => setLastActivity(Date.now());
    const events = ['pointerdown', 'keydown'] as const;
    for (const e of events) window.addEventListener(e, touch, true);
    return () => {
      for (const e of events) window.removeEventListener(e, touch, true);
    };
  }, []);
  const languageChanged = currentLanguage() !== home.current;
  useEffect(() => {
    const at = idleResetAt(step.kind as KioskStep, lastActivity, languageChanged);
    if (at === null) return;
    const timer = setTimeout(reset, Math.max(0, at - Date.now()));
    return () => clearTimeout(timer);
  }, [step, lastActivity, languageChanged, reset]);
  // A lock lifts by itself.
  useEffect(() => {
    if (step.kind !== 'locked') return;
    const timer = setTimeout(reset, step.lockedForMs);
    return () => clearTimeout(timer);
  }, [step, reset]);
  // Each step starts at its heading, for screen readers and keyboards (the form steps focus their first field).
  useEffect(() => {
    if (step.kind !== 'type' && step.kind !== 'pin') headingRef.current?.focus();
  }, [step.kind]);

  const answer = (from: 'scan' | 'type', r: KioskAnswer) => {
    if (r.kind === 'confirm') setStep({ kind: 'confirm', attendeeId: r.attendeeId, name: r.name, delegation: r.delegation });
    else if (r.kind === 'desk') setStep({ kind: 'desk' });
    else if (r.kind === 'locked') setStep({ kind: 'locked', lockedForMs: r.lockedForMs });
    else setStep({ kind: from, missed: true });
  };
  const ask = async (from: 'scan' | 'type', call: () => Promise<KioskAnswer>) => {
    setBusy(true);
    try {
      answer(from, await call());
    } catch {
      setStep({ kind: 'desk' });
    } finally {
      setBusy(false);
    }
  };
  const scan = (text: string, strokes?: Parameters<typeof alternativesFor>[1]) => {
    if (busy) return;
    const alternatives = alternativesFor(text, strokes);
    void ask('scan', () => api['kiosk.scan'](alternatives.length > 0 ? { text, alternatives } : { text }));
  };
  useScannerBurst(scan, { enabled: !evacuation && (step.kind === 'welcome' || step.kind === 'scan') });

  const confirm = async (attendeeId: string) => {
    setStep({ kind: 'printing' });
    try {
      const r = await api['kiosk.confirm']({ attendeeId });
      if (r.kind === 'desk') return setStep({ kind: 'desk' });
      announce('attendees');
      // No print dialog in front of the public: the desk's printer and template, silently.
      const o = await printBadge(r.attendeeId, { ...getPrintPrefs(), silent: true });
      setStep(o.kind === 'printed' || o.kind === 'downloaded' ? { kind: 'done' } : { kind: 'desk', printFailed: true });
    } catch {
      setStep({ kind: 'desk', printFailed: true });
    } finally {
      setLastActivity(Date.now());
    }
  };

  // Nobody is served while people leave the building; staff can still end kiosk mode.
  if (evacuation && step.kind !== 'pin') {
    return (
      <div className="kiosk" data-testid="kiosk" data-step="evacuation" aria-label={t('kiosk.label')} role="region">
        <EvacuationNotice onStaff={() => setStep({ kind: 'pin' })} />
      </div>
    );
  }

  const heading = (text: string) => (
    <h1 className="kiosk__title" ref={headingRef} tabIndex={-1}>
      {text}
    </h1>
  );

  return (
    <div className="kiosk" data-testid="kiosk" data-step={step.kind} aria-label={t('kiosk.label')} role="region">
      {step.kind === 'welcome' && (
        <div className="kiosk__panel">
          {heading(t('kiosk.welcome'))}
          <p className="kiosk__lead">{t('kiosk.welcomeLead')}</p>
          <div className="kiosk__choices">
            <button type="button" className="kiosk__choice" data-testid="kiosk-scan" onClick={() => setStep({ kind: 'scan' })}>
              <strong>{t('kiosk.scanChoice')}</strong>
              <span>{t('kiosk.scanChoiceHint')}</span>
            </button>
            <button type="button" className="kiosk__choice" data-testid="kiosk-type" onClick={() => setStep({ kind: 'type' })}>
              <strong>{t('kiosk.typeChoice')}</strong>
              <span>{t('kiosk.typeChoiceHint')}</span>
            </button>
          </div>
          <div className="kiosk__languages" role="group" aria-label={t('kiosk.languages')}>
            {LANGUAGES.map((l) => (
              <button key={l} type="button" lang={l} className="kiosk__language" aria-pressed={currentLanguage() === l} data-testid={`kiosk-lang-${l}`} onClick={() => setLanguage(l)}>
                {NATIVE_NAMES[l]}
              </button>
            ))}
          </div>
          <button type="button" className="kiosk__staff" data-testid="kiosk-staff" onClick={() => setStep({ kind: 'pin' })}>
            {t('kiosk.staff')}
          </button>
        </div>
      )}

      {step.kind === 'scan' && (
        <div className="kiosk__panel">
          {heading(t('kiosk.scanTitle'))}
          <p className="kiosk__lead">{t('kiosk.scanLead')}</p>
          <Missed show={!!step.missed} busy={busy} />
          <div className="kiosk__camera">
            <CameraScanner onScan={scan} paused={busy} offText={t('kiosk.cameraOff')} />
          </div>
          <Buttons onBack={reset} />
        </div>
      )}

      {step.kind === 'type' && <TypeStep busy={busy} missed={!!step.missed} onBack={reset} onSubmit={(surname, code) => void ask('type', () => api['kiosk.lookup']({ surname, code }))} />}

      {step.kind === 'confirm' && (
        <div className="kiosk__panel">
          {heading(t('kiosk.confirmTitle'))}
          <p className="kiosk__name" dir="auto" data-testid="kiosk-name">
            {step.name}
          </p>
          {step.delegation && (
            <p className="kiosk__delegation" dir="auto">
              {step.delegation}
            </p>
          )}
          <div className="kiosk__actions">
            <button type="button" className="kiosk__button kiosk__button--primary" data-testid="kiosk-yes" onClick={() => void confirm(step.attendeeId)}>
              {t('kiosk.confirmYes')}
            </button>
            <button type="button" className="kiosk__button" data-testid="kiosk-no" onClick={() => setStep({ kind: 'desk' })}>
              {t('kiosk.confirmNo')}
            </button>
          </div>
        </div>
      )}

      {step.kind === 'printing' && (
        <div className="kiosk__panel" aria-busy="true">
          {heading(t('kiosk.printing'))}
        </div>
      )}

      {(step.kind === 'done' || step.kind === 'desk') && (
        <div className={`kiosk__panel${step.kind === 'done' ? ' kiosk__panel--ok' : ''}`} data-testid={`kiosk-${step.kind}`}>
          {heading(step.kind === 'done' ? t('kiosk.doneTitle') : t('kiosk.deskTitle'))}
          <p className="kiosk__lead">{step.kind === 'done' ? t('kiosk.doneLead') : step.printFailed ? t('kiosk.printFailed') : t('kiosk.deskLead')}</p>
          <IdleNote lastActivity={lastActivity} />
          <div className="kiosk__actions">
            <button type="button" className="kiosk__button kiosk__button--primary" data-testid="kiosk-finish" onClick={reset}>
              {t('kiosk.finish')}
            </button>
          </div>
        </div>
      )}

      {step.kind === 'locked' && (
        <div className="kiosk__panel" data-testid="kiosk-locked">
          {heading(t('kiosk.lockedTitle'))}
          <p className="kiosk__lead">{t('kiosk.lockedLead')}</p>
          <button type="button" className="kiosk__staff" data-testid="kiosk-staff" onClick={() => setStep({ kind: 'pin' })}>
            {t('kiosk.staff')}
          </button>
        </div>
      )}

      {step.kind === 'pin' && <PinStep onCancel={reset} />}
    </div>
  );
}

function Missed({ show, busy }: { show: boolean; busy: boolean }) {
  return (
    <p className={show && !busy ? 'kiosk__missed' : 'kiosk__status'} role="status" data-testid="kiosk-missed">
      {busy ? t('kiosk.finding') : show ? t('kiosk.notFound') : ''}
    </p>
  );
}

function Buttons({ onBack }: { onBack: () => void }) {
  return (
    <div className="kiosk__actions">
      <button type="button" className="kiosk__button" data-testid="kiosk-back" onClick={onBack}>
        {t('kiosk.back')}
      </button>
    </div>
  );
}

/** "Returning to the start in 12 s", counted down from the last touch. */
function IdleNote({ lastActivity }: { lastActivity: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const at = idleResetAt('done', lastActivity)!;
  return <p className="kiosk__idle">{t('kiosk.idle', { seconds: Math.max(0, Math.ceil((at - now) / 1000)) })}</p>;
}

function TypeStep(props: { busy: boolean; missed: boolean; onBack: () => void; onSubmit: (surname: string, code: string) => void }) {
  const id = useId();
  const [surname, setSurname] = useState('');
  const [code, setCode] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (surname.trim() && code.trim() && !props.busy) props.onSubmit(surname.trim(), code.trim());
  };
  return (
    <form className="kiosk__panel kiosk__form" onSubmit={submit}>
      <h1 className="kiosk__title">{t('kiosk.typeTitle')}</h1>
      <label htmlFor={`${id}-s`}>{t('kiosk.surname')}</label>
      <input id={`${id}-s`} className="kiosk__input" value={surname} onChange={(e) => setSurname(e.target.value)} autoComplete="off" spellCheck={false} maxLength={200} autoFocus data-testid="kiosk-surname" />
      <label htmlFor={`${id}-c`}>{t('kiosk.code')}</label>
      <input
        id={`${id}-c`}
        className="kiosk__input kiosk__input--code"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={256}
        aria-describedby={`${id}-h`}
        data-testid="kiosk-code"
      />
      <p id={`${id}-h`} className="kiosk__hint">
        {t('kiosk.codeHint')}
      </p>
      <Missed show={props.missed} busy={props.busy} />
      <div className="kiosk__actions">
        <button type="submit" className="kiosk__button kiosk__button--primary" disabled={props.busy || !surname.trim() || !code.trim()} data-testid="kiosk-find">
          {t('kiosk.find')}
        </button>
        <button type="button" className="kiosk__button" onClick={props.onBack} data-testid="kiosk-back">
          {t('kiosk.back')}
        </button>
      </div>
    </form>
  );
}

function PinStep({ onCancel }: { onCancel: () => void }) {
  const id = useId();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!pin || busy) return;
    setBusy(true);
    try {
      const r = await api['kiosk.exit']({ pin });
      if (r.ok) {
        await bridge.call('kiosk.window', {}); // the desktop window leaves full screen
        announce('status'); // the shell asks again and shows the station's screens
        return;
      }
      setPin('');
      setSaid(r.lockedForMs > 0 ? t('kiosk.pinLocked', { seconds: Math.ceil(r.lockedForMs / 1000) }) : t('kiosk.pinWrong'));
    } catch (err) {
      setSaid(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="kiosk__panel kiosk__form" onSubmit={(e) => void submit(e)}>
      <h1 className="kiosk__title">{t('kiosk.pinTitle')}</h1>
      <p className="kiosk__lead">{t('kiosk.pinLead')}</p>
      <label htmlFor={`${id}-p`}>{t('kiosk.pin')}</label>
      <input id={`${id}-p`} className="kiosk__input kiosk__input--code" type="password" inputMode="numeric" autoComplete="off" maxLength={12} value={pin} onChange={(e) => setPin(e.target.value)} autoFocus data-testid="kiosk-pin" />
      <p className="kiosk__missed" role="status" data-testid="kiosk-pin-said">
        {said}
      </p>
      <div className="kiosk__actions">
        <button type="submit" className="kiosk__button kiosk__button--primary" disabled={busy || !pin} data-testid="kiosk-pin-submit">
          {t('kiosk.pinSubmit')}
        </button>
        <button type="button" className="kiosk__button" onClick={onCancel}>
          {t('kiosk.cancel')}
        </button>
      </div>
    </form>
  );
}

/** "Evacuation in progress" in all four languages at once (the kiosk's own first): whoever stands here reads it. */
function EvacuationNotice({ onStaff }: { onStaff: () => void }) {
  const first = currentLanguage();
  const order = [first, ...LANGUAGES.filter((l) => l !== first)];
  return (
    <div className="kiosk__panel kiosk__panel--evacuation" role="alert" data-testid="kiosk-evacuation">
      {order.map((l, i) => {
        const Title = i === 0 ? 'h1' : 'h2';
        return (
          <div key={l} lang={l} className="kiosk__evacuation">
            <Title className="kiosk__evacuation-title">{tIn(l, 'kiosk.evacuationTitle')}</Title>
            <p className="kiosk__evacuation-lead">{tIn(l, 'kiosk.evacuationLead')}</p>
          </div>
        );
      })}
      <button type="button" className="kiosk__staff" data-testid="kiosk-staff" onClick={onStaff}>
        {t('kiosk.staff')}
      </button>
    </div>
  );
}

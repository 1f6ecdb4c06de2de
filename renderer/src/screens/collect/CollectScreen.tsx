// The badge desk: a person brings a confirmation (e-mail QR, ticket, a code read aloud) or gives
// their name; the desk checks their ID against the registration, then one action prints the badge
// and records the hand-over (print-once, core/checkin/collection.ts). Another badge only through a
// reprint with a reason; "refuse after ID check" records why without cancelling anything.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CollectView } from '../../../../core/api/collect';
import type { KeyStroke } from '../../../../core/keyboard/scanner-text';
import { announce, api } from '../../api';
import { useStationStatus } from '../../api/StationStatus';
import { printBadge } from '../../badges/printBadge';
import { localZone } from '../../format';
import { hasMessage, t } from '../../i18n';
import { alternativesFor } from '../../scanner/layout-notice';
import { useScannerBurst } from '../../scanner/useScannerBurst';
import { NameSearch } from '../checkin/NameSearch';
import { ScanInput } from '../checkin/ScanInput';
import { errorText } from '../../i18n/station';
import { outcomeText } from '../checkin/BadgeActions';
import { CollectTallies } from './CollectTallies';
import { PersonCard } from './PersonCard';
import '../checkin/checkin.css';
import './collect.css';

export type Shown =
  | { kind: 'idle' }
  | { kind: 'finding' }
  | { kind: 'missing'; message: string; input: string }
  | { kind: 'error'; message: string }
  | { kind: 'person'; view: CollectView; status?: { text: string; error?: boolean; printAgain?: boolean } };

export function CollectScreen() {
  const status = useStationStatus();
  const timeZone = status.data?.event.timeZone ?? localZone;
  const [shown, setShown] = useState<Shown>({ kind: 'idle' });
  const [formOpen, setFormOpen] = useState(false);
  const scanRef = useRef<HTMLInputElement>(null);
  // Only the latest lookup may set the card (a slow reply must not replace a newer person).
  const latest = useRef(0);

  const run = useCallback(async (call: () => Promise<Shown>) => {
    const id = ++latest.current;
    setShown({ kind: 'finding' });
    try {
      const next = await call();
      if (id === latest.current) setShown(next);
    } catch (err) {
      if (id === latest.current) setShown({ kind: 'error', message: errorText(err) });
    }
  }, []);

  const find = useCallback(
    (text: string, strokes?: KeyStroke[]) =>
      run(async () => {
        const alternatives = alternativesFor(text, strokes);
        const r = await api['collect.find'](alternatives.length > 0 ? { text, alternatives } : { text });
        if (r.found) return { kind: 'person', view: r.view };
        const key = `reasonShort.${r.reason}`;
        return { kind: 'missing', message: t('collect.notFound', { reason: hasMessage(key) ? t(key) : r.message }), input: r.input };
      }),
    [run],
  );
  const show = useCallback((attendeeId: string) => run(async () => ({ kind: 'person', view: await api['collect.person']({ attendeeId }) })), [run]);

  // A scanner works anywhere on the screen, but never into an open reason form.
  useScannerBurst(find, { enabled: !formOpen });

  // Esc goes back to the code field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) scanRef.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const after = (view: CollectView, st: { text: string; error?: boolean; printAgain?: boolean }) => {
    announce('attendees');
    setShown({ kind: 'person', view, status: st });
  };

  /** Prints the current badge; a failed print may be tried again (nothing was handed over). */
  const printNow = async (view: CollectView, prefix: (printed: string) => string) => {
    try {
      const o = await printBadge(view.attendee.id);
      const text = outcomeText(o);
      after(view, { text: prefix(text), printAgain: o.kind === 'cancelled' || o.kind === 'saved' });
    } catch (err) {
      after(view, { text: prefix(t('badge.failed', { message: errorText(err) })), error: true, printAgain: true });
    }
  };

  const actions = {
    handOver: async (view: CollectView) => {
      const v = await api['collect.handOver']({ attendeeId: view.attendee.id });
      await printNow(v, (p) => t('collect.done', { print: p }));
    },
    printAgain: (view: CollectView) => printNow(view, (p) => p),
    reprint: async (view: CollectView, reason: string) => {
      await api['badges.reprint']({ attendeeId: view.attendee.id, reason });
      const v = await api['collect.person']({ attendeeId: view.attendee.id });
      await printNow(v, (p) => p);
    },
    refuse: async (view: CollectView, reason: 'photo_mismatch' | 'name_mismatch' | 'no_id' | 'other', note: string) => {
      const v = await api['collect.refuse']({ attendeeId: view.attendee.id, reason, note });
      after(v, { text: t('collect.refusedDone') });
    },
    failed: (view: CollectView, err: unknown) => after(view, { text: errorText(err), error: true }),
  };

  return (
    <div className="checkin collect">
      <div className="checkin__main">
        <ScanInput
          onScan={(text) => void find(text)}
          inputRef={scanRef}
          busy={shown.kind === 'finding'}
          label={t('collect.scanLabel')}
          hint={t('collect.scanHint')}
          submit={t('collect.find')}
        />
        <section className="panel collect__card" aria-live="polite" data-testid="collect-card">
          {shown.kind === 'idle' && <p className="panel__empty">{t('collect.idle')}</p>}
          {shown.kind === 'finding' && <p className="panel__empty">{t('collect.finding')}</p>}
          {shown.kind === 'missing' && (
            <p className="panel__error" data-testid="collect-missing">
              {shown.message} <code dir="ltr">{shown.input}</code>
            </p>
          )}
          {shown.kind === 'error' && (
            <p className="panel__error" role="alert">
              {shown.message}
            </p>
          )}
          {shown.kind === 'person' && (
            <PersonCard view={shown.view} status={shown.status} timeZone={timeZone} actions={actions} onFormOpen={setFormOpen} onDone={() => scanRef.current?.focus()} />
          )}
        </section>
      </div>
      <div className="checkin__side">
        <NameSearch timeZone={timeZone} hint={t('collect.searchHint')} onCheckIn={(id) => void show(id)} />
        <CollectTallies onShow={(id) => void show(id)} />
        <a className="handouts__link" href="#/handouts" data-testid="open-receivers">
          {t('handouts.openList')}
        </a>
      </div>
    </div>
  );
}

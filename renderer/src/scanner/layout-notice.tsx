// Tells staff once, per browser tab, that the scanner's keyboard layout differs from this
// computer's and that scans are being corrected (core/keyboard/scanner-text.ts) — so nobody
// goes hunting for a fault while everything works. Shown on the first corrected scan, until
// dismissed; never again in this tab after that.
import { useSyncExternalStore } from 'react';
import type { KeyStroke } from '../../../core/keyboard/scanner-text';
import { scanReadings } from '../../../core/keyboard/scanner-text';
import { t } from '../i18n';

const DISMISSED = 'foyer.layoutNoticeDismissed';
const listeners = new Set<() => void>();
let visible = false;

/** The other readings of a burst's keys, for the station to try (checkin.scan / door.scan `alternatives`). */
export function alternativesFor(text: string, strokes: readonly KeyStroke[] | undefined): string[] {
  return strokes ? scanReadings(text, strokes).slice(1).map((r) => r.text) : [];
}

/** Call with each scan result: a corrected one shows the notice (once per tab). */
export function noteScanResult(r: { layoutCorrected?: boolean }): void {
  if (!r.layoutCorrected || visible || sessionStorage.getItem(DISMISSED)) return;
  visible = true;
  for (const l of listeners) l();
}

function dismiss(): void {
  visible = false;
  sessionStorage.setItem(DISMISSED, '1');
  for (const l of listeners) l();
}

export function LayoutNotice() {
  const shown = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => visible,
  );
  if (!shown) return null;
  return (
    <p className="layout-notice" role="status" data-testid="layout-notice">
      <span>{t('scanner.layoutCorrected')}</span>
      <button type="button" className="button" onClick={dismiss} data-testid="layout-notice-ok">
        {t('scanner.ok')}
      </button>
    </p>
  );
}

// Settings → Badge printing, for this computer: the badge format, and in the desktop app the
// printer and printing without the dialog (electron/print.main.ts uses them). In a browser on
// the headless host badges are downloaded as PDF, so only the format applies.
import { useEffect, useState } from 'react';
import type { PrinterChoice } from '../../../../core/api/badges';
import { TEMPLATE_IDS, type TemplateId } from '../../../../core/badge/templates';
import { getPrintPrefs, listPrinters, setPrintPrefs, type BadgePrintPrefs } from '../../badges/printBadge';
import { t } from '../../i18n';

const TEMPLATE_WORD: Record<TemplateId, 'cr80' | 'a6' | 'a4_8'> = { cr80: 'cr80', a6: 'a6', 'a4-8': 'a4_8' };

export function PrintSettings() {
  const [prefs, setPrefs] = useState<BadgePrintPrefs>(getPrintPrefs);
  const [printers, setPrinters] = useState<PrinterChoice[] | null | undefined>(undefined);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let alive = true;
    void listPrinters().then((p) => alive && setPrinters(p));
    return () => {
      alive = false;
    };
  }, []);

  const update = (patch: Partial<BadgePrintPrefs>) => {
    const next = { ...prefs, ...patch };
    setPrefs(next);
    setPrintPrefs(next);
    setSaved(true);
  };
  const desktop = Array.isArray(printers);
  // A printer chosen earlier that this computer no longer lists stays visible (and chosen).
  const names = desktop ? printers : [];
  const known = prefs.printer === null || names.some((p) => p.name === prefs.printer);

  return (
    <section className="settings__card" aria-labelledby="printing-title" data-testid="print-settings">
      <h2 id="printing-title">{t('settings.printing.title')}</h2>
      <label className="settings__field">
        <span>{t('settings.printing.template')}</span>
        <select value={prefs.template} onChange={(e) => update({ template: e.target.value as TemplateId })} data-testid="print-template">
          {TEMPLATE_IDS.map((id) => (
            <option key={id} value={id}>
              {t(`settings.printing.templates.${TEMPLATE_WORD[id]}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="settings__field">
        <span>{t('settings.printing.printer')}</span>
        <select
          value={prefs.printer ?? ''}
          disabled={!desktop}
          onChange={(e) => update({ printer: e.target.value || null })}
          data-testid="print-printer"
        >
          <option value="">{t('settings.printing.defaultPrinter')}</option>
          {names.map((p) => (
            <option key={p.name} value={p.name}>
              {p.displayName}
            </option>
          ))}
          {!known && prefs.printer && <option value={prefs.printer}>{prefs.printer}</option>}
        </select>
      </label>
      <label className="settings__choice">
        <input type="checkbox" checked={prefs.silent} disabled={!desktop} onChange={(e) => update({ silent: e.target.checked })} data-testid="print-silent" />
        {t('settings.printing.silent')}
      </label>
      {printers === null && <p className="settings__muted">{t('settings.printing.browserOnly')}</p>}
      {saved && (
        <p className="settings__muted" role="status" data-testid="print-saved">
          {t('settings.printing.saved')}
        </p>
      )}
    </section>
  );
}

// Settings → Admission at this desk: what a second scan of the same person on the same day
// does (admit with a warning, or refuse) and which categories this desk admits. The organiser
// can set them for this station at the registry; the card says who set them, and when.
import { useEffect, useState } from 'react';
import type { DeskRulesState } from '../../../../core/api/desk';
import type { RepeatPolicy } from '../../../../core/checkin/desk-rules';
import { CATEGORIES, type Category } from '../../../../core/model';
import { announce, api } from '../../api';
import { useApiQuery } from '../../api/useApiQuery';
import { t } from '../../i18n';
import { errorText } from '../../i18n/station';
import { categoryName } from '../../i18n/verdict';

const TOPICS = ['status', 'sync'] as const;

function origin(r: DeskRulesState, when: (ms: number) => string): string {
  if (r.source === 'registry' && r.setAt) return t('settings.rules.fromRegistry', { when: when(r.setAt) });
  if (r.source === 'station' && r.setAt) return t('settings.rules.fromStation', { when: when(r.setAt) });
  return t('settings.rules.fromDefault');
}

export function DeskRulesCard({ when }: { when: (ms: number) => string }) {
  const q = useApiQuery(() => api['desk.rules']({}), TOPICS);
  const [repeat, setRepeat] = useState<RepeatPolicy>('warn');
  const [all, setAll] = useState(true);
  const [chosen, setChosen] = useState<Set<Category>>(new Set());
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  // The form follows the station until the operator starts changing it.
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (!q.data || dirty) return;
    setRepeat(q.data.repeatPolicy);
    setAll(q.data.allowedCategories === null);
    setChosen(new Set(q.data.allowedCategories ?? []));
  }, [q.data, dirty]);

  const change = (fn: () => void) => {
    setDirty(true);
    setNote(null);
    fn();
  };

  const save = async () => {
    if (!all && chosen.size === 0) {
      setNote({ ok: false, text: t('settings.rules.noCategory') });
      return;
    }
    setBusy(true);
    try {
      await api['desk.setRules']({ repeatPolicy: repeat, allowedCategories: all ? null : CATEGORIES.filter((c) => chosen.has(c)) });
      setNote({ ok: true, text: t('settings.rules.saved') });
      setDirty(false);
      announce('status');
      q.refresh();
    } catch (err) {
      setNote({ ok: false, text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="settings__card" aria-labelledby="rules-title" data-testid="desk-rules">
      <h2 id="rules-title">{t('settings.rules.title')}</h2>
      {q.data && (
        <p className="settings__muted" data-testid="desk-rules-origin">
          {origin(q.data, when)}
        </p>
      )}
      <fieldset className="settings__fieldset">
        <legend>{t('settings.rules.repeat')}</legend>
        {(['warn', 'refuse'] as const).map((p) => (
          <label key={p} className="settings__choice">
            <input type="radio" name="repeat-policy" checked={repeat === p} onChange={() => change(() => setRepeat(p))} data-testid={`repeat-${p}`} />
            {t(p === 'warn' ? 'settings.rules.repeatWarn' : 'settings.rules.repeatRefuse')}
          </label>
        ))}
      </fieldset>
      <fieldset className="settings__fieldset">
        <legend>{t('settings.rules.categories')}</legend>
        <label className="settings__choice">
          <input type="checkbox" checked={all} onChange={(e) => change(() => setAll(e.target.checked))} data-testid="categories-all" />
          {t('settings.rules.allCategories')}
        </label>
        <div className="settings__categories">
          {CATEGORIES.map((c) => (
            <label key={c} className="settings__choice">
              <input
                type="checkbox"
                disabled={all}
                checked={all || chosen.has(c)}
                onChange={(e) =>
                  change(() =>
                    setChosen((s) => {
                      const next = new Set(s);
                      if (e.target.checked) next.add(c);
                      else next.delete(c);
                      return next;
                    }),
                  )
                }
                data-testid={`category-${c}`}
              />
              {categoryName(c, c)}
            </label>
          ))}
        </div>
      </fieldset>
      {note && (
        <p className={`settings__note ${note.ok ? 'settings__note--ok' : 'settings__note--bad'}`} role="status" data-testid="desk-rules-note">
          {note.text}
        </p>
      )}
      <div className="settings__actions">
        <button type="button" className="button button--primary" onClick={() => void save()} disabled={busy} data-testid="desk-rules-save">
          {t('settings.rules.save')}
        </button>
      </div>
    </section>
  );
}

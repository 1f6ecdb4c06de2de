// Which categories a room or session admits: none ticked means everyone.
import { CATEGORIES } from '../../../core/model';
import { t } from '../i18n';
import { categoryName } from '../names';

export function CategoryPicker({ value, onChange, legend, disabled }: { value: string[] | null; onChange: (v: string[] | null) => void; legend: string; disabled?: boolean }) {
  const set = new Set(value ?? []);
  return (
    <fieldset className="field categories" disabled={disabled}>
      <legend>{legend}</legend>
      <p className="muted">{t('common.categoriesHint')}</p>
      <div className="checks">
        {CATEGORIES.map((c) => (
          <label key={c} className="check">
            <input
              type="checkbox"
              checked={set.has(c)}
              onChange={(e) => {
                const next = new Set(set);
                if (e.target.checked) next.add(c);
                else next.delete(c);
                onChange(next.size ? CATEGORIES.filter((x) => next.has(x)) : null);
              }}
            />
            {categoryName(c)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

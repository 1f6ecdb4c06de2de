// The console's language, chosen here and kept in this browser. Each language is named in itself.
import { LANGUAGES, setLanguage, t, useLanguage, type Language } from '../i18n';

const NATIVE: Record<Language, string> = { en: 'English', de: 'Deutsch', fr: 'Français', ru: 'Русский' };

export function LanguagePicker() {
  const lang = useLanguage();
  return (
    <label className="language">
      <span className="visually-hidden">{t('app.language')}</span>
      <select value={lang} onChange={(e) => setLanguage(e.target.value as Language)} data-testid="language">
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {NATIVE[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

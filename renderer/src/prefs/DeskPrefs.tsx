// Top-bar controls for this desk: language, light/dark theme, sound on/off. All
// keyboard-reachable native controls; choices persist (prefs.ts).
import { useId } from 'react';
import { Icon } from '../components/Icon';
import { currentLanguage, setLanguage, t, useLanguage } from '../i18n';
import { useTheme } from '../theme/useTheme';
import { LANGUAGES, setPrefs, usePrefs, type Language } from './prefs';
import './deskprefs.css';

/** Each language's name in itself: a volunteer finds their own whatever is showing. */
const NATIVE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch', fr: 'Français', ru: 'Русский' };

export function DeskPrefs() {
  useLanguage();
  const prefs = usePrefs();
  const theme = useTheme();
  const id = useId();
  return (
    <div className="deskprefs" role="group" aria-label={t('prefs.label')}>
      <label className="visually-hidden" htmlFor={`${id}-lang`}>
        {t('prefs.language')}
      </label>
      <select
        id={`${id}-lang`}
        className="deskprefs__select"
        data-testid="language-picker"
        value={currentLanguage()}
        onChange={(e) => setLanguage(e.target.value as Language)}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {NATIVE_NAMES[l]}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="deskprefs__button"
        data-testid="theme-toggle"
        aria-pressed={theme === 'dark'}
        onClick={() => setPrefs({ theme: theme === 'dark' ? 'light' : 'dark' })}
      >
        <Icon name={theme === 'dark' ? 'sun' : 'moon'} />
        <span className="deskprefs__label">{theme === 'dark' ? t('prefs.toLight') : t('prefs.toDark')}</span>
      </button>
      <button
        type="button"
        className="deskprefs__button"
        data-testid="mute-toggle"
        aria-pressed={prefs.muted}
        title={prefs.muted ? t('prefs.unmute') : t('prefs.mute')}
        onClick={() => setPrefs({ muted: !prefs.muted })}
      >
        <Icon name={prefs.muted ? 'soundOff' : 'soundOn'} />
        <span className="visually-hidden">{prefs.muted ? t('prefs.unmute') : t('prefs.mute')}</span>
      </button>
    </div>
  );
}

// Applies this desk's theme to <html data-theme>: the saved choice, else the OS's
// prefers-color-scheme (followed live while no choice is saved).
import { useEffect, useSyncExternalStore } from 'react';
import { usePrefs, type Theme } from '../prefs/prefs';
import './dark.css';

const query = () => (typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null);

function subscribeScheme(l: () => void): () => void {
  const q = query();
  q?.addEventListener('change', l);
  return () => q?.removeEventListener('change', l);
}

export function useTheme(): Theme {
  const prefs = usePrefs();
  const osDark = useSyncExternalStore(subscribeScheme, () => query()?.matches ?? false);
  const theme: Theme = prefs.theme ?? (osDark ? 'dark' : 'light');
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return theme;
}

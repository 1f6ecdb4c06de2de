// The shell: top navigation over the screen registry, the active screen, the status bar.
// The active screen lives in the address fragment (#/checkin) so a reload keeps it. A station in
// kiosk mode (docs/kiosk.md) shows only the kiosk: no top bar, no other screen, whatever the address says.
import { useEffect, useState } from 'react';
import { api } from './api';
import { StationStatusProvider } from './api/StationStatus';
import { EvacuationEntry } from './components/EvacuationEntry';
import { useApiQuery } from './api/useApiQuery';
import { ProtocolAlerts } from './components/ProtocolAlerts';
import { StatusBar } from './components/StatusBar';
import { t, useLanguage } from './i18n';
import { DeskPrefs } from './prefs/DeskPrefs';
import { useTheme } from './theme/useTheme';
import { screens } from './screens';
import { KioskScreen } from './screens/kiosk/KioskScreen';

function screenFromHash(): string {
  const m = /^#\/([\w-]+)/.exec(location.hash);
  const id = m?.[1];
  return id && screens.some((s) => s.id === id) ? id : screens[0]!.id;
}

export function App() {
  const [current, setCurrent] = useState(screenFromHash);
  // Language and theme are this desk's choices: re-render everything when they change.
  useLanguage();
  useTheme();
  useEffect(() => {
    const onHash = () => setCurrent(screenFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const kiosk = useApiQuery(() => api['kiosk.state']({}), ['status']);
  // Until the station says whether it is a kiosk, show nothing (never a flash of the staff screens).
  if (!kiosk.data && !kiosk.error) return null;
  if (kiosk.data?.active) {
    return (
      <StationStatusProvider>
        <main className="app__kiosk" id="main">
          <KioskScreen initialLockMs={kiosk.data.lockedForMs} />
        </main>
      </StationStatusProvider>
    );
  }
  const screen = screens.find((s) => s.id === current) ?? screens[0]!;
  return (
    <StationStatusProvider>
      <div className="app">
        <header className="topbar">
          <span className="topbar__brand">{t('app.name')}</span>
          <nav aria-label={t('app.navLabel')}>
            <ul className="topbar__nav">
              {screens.filter((s) => !s.linked).map((s) => (
                <li key={s.id}>
                  <a href={`#/${s.id}`} className="topbar__link" aria-current={s.id === screen.id ? 'page' : undefined} data-testid={`nav-${s.id}`}>
                    {t(s.label)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <EvacuationEntry current={screen.id === 'evacuation'} />
          <DeskPrefs />
        </header>
        <ProtocolAlerts />
        <main className="app__main" id="main">
          <screen.Component key={screen.id} />
        </main>
        <StatusBar />
      </div>
    </StationStatusProvider>
  );
}

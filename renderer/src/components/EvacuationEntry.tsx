// The top bar's way to the evacuation roll call, on every screen of every station: one click, or
// Ctrl+Shift+E from anywhere (the key's position, so it works on any keyboard layout). While an
// evacuation or drill runs (started here or on a station whose events arrived) it says so.
import { useEffect } from 'react';
import { useStationStatus } from '../api/StationStatus';
import { t } from '../i18n';
import { Icon } from './Icon';

export const EVACUATION_SHORTCUT = 'Control+Shift+E';

/** Ctrl+Shift+E (any layout: the physical key). A scanner never holds Ctrl and Shift, so a burst cannot trigger it. */
export function isEvacuationShortcut(e: Pick<KeyboardEvent, 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
  return e.code === 'KeyE' && (e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey;
}

export function EvacuationEntry({ current }: { current: boolean }) {
  const running = useStationStatus().data?.evacuation ?? null;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isEvacuationShortcut(e) || e.repeat) return;
      e.preventDefault();
      location.hash = '#/evacuation';
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const words = running ? t(running.drill ? 'nav.evacuationDrill' : 'nav.evacuationRunning') : t('nav.evacuation');
  return (
    <a
      href="#/evacuation"
      className={`topbar__evac${running ? ' topbar__evac--running' : ''}`}
      aria-current={current ? 'page' : undefined}
      aria-keyshortcuts={EVACUATION_SHORTCUT}
      title={`${words} (Ctrl+Shift+E)`}
      data-testid="nav-evacuation"
      data-running={running ? (running.drill ? 'drill' : 'evacuation') : undefined}
    >
      <Icon name="exit" />
      <span className="topbar__evac-label">{words}</span>
    </a>
  );
}

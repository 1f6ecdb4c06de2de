// The shell: login until someone is logged in; then the menu (the pages this role may open, from
// routes.ts), the chosen page (its address is the fragment, #/live, so a reload keeps it), the
// language and the way out. A pairing link opened in a browser by mistake (it points here) says
// what it is for instead of asking for a login.
import { useEffect, useState } from 'react';
import { LiveProvider, useLive } from './api/live';
import { SessionProvider, useMe, useSession } from './api/session';
import { LanguagePicker } from './components/LanguagePicker';
import { t, useLanguage } from './i18n';
import { LoginPage } from './pages/LoginPage';
import { PairingLinkPage } from './pages/PairingLinkPage';
import { PAGES, pageFor } from './routes';

export function App() {
  useLanguage();
  return (
    <SessionProvider>
      <Gate />
    </SessionProvider>
  );
}

function Gate() {
  const { state } = useSession();
  if (/^#pair=/.test(location.hash)) return <PairingLinkPage />;
  if (state.kind === 'loading') return <p className="loading">{t('common.loading')}</p>;
  if (state.kind === 'anonymous') return <LoginPage error={state.error} />;
  return (
    <LiveProvider>
      <Shell />
    </LiveProvider>
  );
}

function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return hash;
}

function Shell() {
  const me = useMe();
  const { logout } = useSession();
  const live = useLive();
  const hash = useHash();
  const page = pageFor(hash, me.can);
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => {
    setMenuOpen(false);
    document.title = `${t(page.label)} – ${t('app.title')}`;
    // A new page: start reading at its heading (keyboard and screen-reader users land there).
    document.getElementById('page-heading')?.focus();
  }, [page]);
  return (
    <div className="shell">
      <a className="skip" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('page-heading')?.focus())}>
        {t('app.skip')}
      </a>
      <header className="topbar">
        <button type="button" className="topbar__menu button" aria-expanded={menuOpen} aria-controls="nav" onClick={() => setMenuOpen((o) => !o)} data-testid="menu">
          {t('app.menu')}
        </button>
        <div className="topbar__brand">
          <span className="topbar__app">{t('app.title')}</span>
          <span className="topbar__event" data-testid="event-name">{me.event?.name ?? t('app.noEvent')}</span>
        </div>
        <span className={`topbar__live topbar__live--${live.connected ? 'on' : 'off'}`} data-testid="live-state">
          {live.connected ? t('app.liveOn') : t('app.liveOff')}
        </span>
        <LanguagePicker />
        <span className="topbar__user" data-testid="user">
          {t('app.user', { name: me.user.displayName || me.user.name || t('app.adminToken'), role: t(`roles.${me.user.role}`) })}
        </span>
        <button type="button" className="button" onClick={() => void logout()} data-testid="logout">
          {t('app.logout')}
        </button>
      </header>
      <nav id="nav" className={`nav ${menuOpen ? 'nav--open' : ''}`} aria-label={t('app.navLabel')}>
        <ul>
          {PAGES.filter((p) => me.can(p.need)).map((p) => (
            <li key={p.id}>
              <a href={`#/${p.id}`} className="nav__link" aria-current={p.id === page.id ? 'page' : undefined} data-testid={`nav-${p.id}`}>
                {t(p.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="main">
        <page.Component key={page.id} />
      </main>
    </div>
  );
}

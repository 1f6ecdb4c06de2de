// The set-up e2e files share: a headless host process (a fresh demo station unless the file
// starts its own), Debian Chromium and one station page on it, opened before the file's tests
// and closed after them. The session can be re-pointed: a test that restarts the host gets the
// new process (and a new page on it) in the same session, and afterAll closes whatever is current.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startHostProcess, type HostProcess } from '../../testkit/host';
import { launchBrowser, openStationPage, type StationPage } from './browser';

export interface StationSession {
  host: HostProcess;
  browser: Browser;
  sp: StationPage;
  page: Page;
}

export interface StationE2EOptions {
  /** Starts the host (default: startHostProcess() on a new demo station). */
  startHost?: () => Promise<HostProcess>;
  /** Extra Chromium flags (e.g. a fake camera). */
  browserArgs?: string[];
  /** Called once set up and after every restartHost(), so a file can keep plain variables. */
  onReady?: (s: StationSession) => void;
}

export interface StationE2E {
  /** The current session; only valid inside hooks and tests (set by beforeAll). */
  readonly current: StationSession;
  /**
   * Replaces the host process: `next` gets the running one and returns its successor (default:
   * `host.restart()`, a new port and token). `reopen` (default true) closes the old page and
   * opens a new one on the new host; false keeps the open tab, which must find the host itself.
   */
  restartHost(next?: (old: HostProcess) => Promise<HostProcess>, opts?: { reopen?: boolean }): Promise<StationSession>;
}

export function stationE2E(opts: StationE2EOptions = {}): StationE2E {
  let session: StationSession | null = null;
  const ready = (s: StationSession) => {
    session = s;
    opts.onReady?.(s);
    return s;
  };

  beforeAll(async () => {
    const [host, browser] = await Promise.all([(opts.startHost ?? (() => startHostProcess()))(), launchBrowser(opts.browserArgs)]);
    const sp = await openStationPage(browser, host.url);
    ready({ host, browser, sp, page: sp.page });
  });

  afterAll(async () => {
    await session?.browser.close();
    await session?.host.stop();
  });

  return {
    get current() {
      if (!session) throw new Error('The station session is set up in beforeAll: read it inside a test or hook.');
      return session;
    },
    async restartHost(next = (old) => old.restart(), { reopen = true } = {}) {
      const s = this.current;
      const host = await next(s.host);
      if (!reopen) return ready({ ...s, host });
      await s.page.context().close();
      const sp = await openStationPage(s.browser, host.url);
      return ready({ ...s, host, sp, page: sp.page });
    },
  };
}

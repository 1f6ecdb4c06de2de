// The desktop app's security policy, tested as plain functions (no Electron binary
// here): window options, CSP, permission decisions, navigation and window.open,
// the IPC sender-frame check, and zod rejection of malformed IPC arguments.
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { methods } from '../../core/api/index';
import { createHandlers } from '../../station/handlers/index';
import type { Station } from '../../station/station';
import { handleCall, isForwardableTopic, wireIpc, type IpcDeps } from '../../electron/ipc.main';
import { mainMethods } from '../../electron/main-methods';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  RESPONSE_SECURITY_HEADERS,
  decidePermissionCheck,
  decidePermissionRequest,
  hardenSession,
  hardenWebContents,
  isAppUrl,
  isDownloadAllowed,
  isNavigationAllowed,
  isTrustedSender,
  windowOpenDecision,
} from '../../electron/security';
import { demoCodes, freshStation } from '../helpers/station';

const root = path.resolve(__dirname, '../..');

/** Parses a CSP string into directive → sources. */
function parseCsp(csp: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name, sources);
  }
  return out;
}

describe('window options', () => {
  // electron is mocked below: the fake BrowserWindow keeps the options it was given.
  const getOpts = async () => {
    const { createMainWindow } = await import('../../electron/window');
    return (createMainWindow('/app/dist-electron/preload.cjs') as unknown as { options: BrowserWindowConstructorOptions }).options;
  };

  it('isolates and sandboxes the renderer with no Node access', async () => {
    const web = (await getOpts()).webPreferences!;
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and every risky feature off', async () => {
    const web = (await getOpts()).webPreferences!;
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
    expect(web.spellcheck).toBe(false);
    expect(web.disableBlinkFeatures).toBe('Auxclick');
    expect(web).not.toHaveProperty('enableBlinkFeatures');
    expect(web).not.toHaveProperty('additionalArguments');
  });

  it('loads our bundled preload and opens at laptop size, shown once painted', async () => {
    const opts = await getOpts();
    expect(opts.webPreferences!.preload).toBe('/app/dist-electron/preload.cjs');
    expect([opts.width, opts.height]).toEqual([1366, 768]);
    expect(opts.minWidth).toBeGreaterThan(0);
    expect(opts.minWidth).toBeLessThanOrEqual(1366);
    expect(opts.minHeight).toBeLessThanOrEqual(768);
    expect(opts.show).toBe(false); // shown on ready-to-show: no white flash
  });
});

describe('content security policy', () => {
  const csp = parseCsp(CONTENT_SECURITY_POLICY);

  it('allows only the app itself and in-memory sources', () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    // 'wasm-unsafe-eval' compiles the camera's QR decoder (WebAssembly); it does not allow JS eval.
    expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('media-src')).toEqual(["'self'", 'blob:', 'mediastream:']);
    expect(csp.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('never allows inline script, JS eval, remote hosts or wildcards', () => {
    const sources = [...csp.values()].flat();
    for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*', 'http:', 'https:', 'ws:', 'wss:', 'file:', 'filesystem:']) {
      expect(sources, bad).not.toContain(bad);
    }
    expect(sources.some((s) => /^(https?|wss?):\/\/|\*/.test(s))).toBe(false);
  });

  it('is sent as a header together with nosniff and a camera-only permissions policy', () => {
    expect(RESPONSE_SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(RESPONSE_SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(RESPONSE_SECURITY_HEADERS['Permissions-Policy']).toMatch(/camera=\(self\)/);
    expect(RESPONSE_SECURITY_HEADERS['Permissions-Policy']).toMatch(/microphone=\(\)/);
  });

  it("allows everything the renderer's own meta CSP needs (both are enforced together)", () => {
    const html = fs.readFileSync(path.join(root, 'renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta, 'renderer/index.html has a meta CSP').not.toBeNull();
    const rendererCsp = parseCsp(meta![1]!);
    // connect-src differs on purpose: the web build also talks to its host's WebSocket.
    for (const directive of ['script-src', 'style-src', 'img-src', 'media-src', 'worker-src']) {
      const needed = rendererCsp.get(directive) ?? rendererCsp.get('default-src') ?? [];
      const allowed = csp.get(directive) ?? csp.get('default-src') ?? [];
      for (const source of needed) expect(allowed, `${directive} ${source}`).toContain(source);
    }
  });
});

describe('app origin', () => {
  it.each([
    ['app://foyer/', true],
    ['app://foyer/index.html', true],
    ['app://foyer/assets/x.js?v=1#top', true],
    ['app://foyer', true],
    ['app://foyer.evil.com/', false],
    ['app://evil/', false],
    ['app://evil/?app://foyer/', false],
    ['app://foyer@evil/', false],
    ['app://user:pw@foyer/', false],
    ['app://foyer:8080/', false],
    ['apps://foyer/', false],
    ['http://foyer/', false],
    ['file:///etc/passwd', false],
    ['file://foyer/etc/passwd', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['https://example.com', false],
    ['about:blank', false],
    ['/index.html', false],
    ['index.html', false],
    ['//foyer/index.html', false],
    ['', false],
    ['app://', false],
    ['http://[::1', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAppUrl(url)).toBe(allowed);
    expect(isNavigationAllowed(url)).toBe(allowed);
  });

  it('refuses non-strings and absurdly long input without throwing', () => {
    for (const v of [undefined, null, 42, {}, ['app://foyer/'], `app://foyer/${'a'.repeat(10_000)}`]) {
      expect(isNavigationAllowed(v)).toBe(false);
    }
  });

  it('the entry URL is an app URL', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
  });

  it('window.open is always denied', () => {
    expect(windowOpenDecision({ url: 'app://foyer/index.html' })).toEqual({ action: 'deny' });
    expect(windowOpenDecision({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });
});

describe('permission requests', () => {
  const camera = { mediaTypes: ['video'], isMainFrame: true, requestingUrl: 'app://foyer/index.html', securityOrigin: 'app://foyer/' };

  it('allows the camera for our own top frame', () => {
    expect(decidePermissionRequest('media', camera, 'app://foyer/index.html')).toBe(true);
  });

  it('refuses the microphone, and camera+microphone together', () => {
    expect(decidePermissionRequest('media', { ...camera, mediaTypes: ['audio'] })).toBe(false);
    expect(decidePermissionRequest('media', { ...camera, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(decidePermissionRequest('media', { ...camera, mediaTypes: ['audio', 'video'] })).toBe(false);
  });

  it('refuses media with no or unknown media types', () => {
    expect(decidePermissionRequest('media', { ...camera, mediaTypes: [] })).toBe(false);
    expect(decidePermissionRequest('media', { ...camera, mediaTypes: undefined })).toBe(false);
    expect(decidePermissionRequest('media', { ...camera, mediaTypes: ['screen'] })).toBe(false);
    expect(decidePermissionRequest('media', undefined)).toBe(false);
  });

  it('refuses the camera for other origins, subframes and foreign webContents', () => {
    expect(decidePermissionRequest('media', { ...camera, requestingUrl: 'https://example.com/' })).toBe(false);
    expect(decidePermissionRequest('media', { ...camera, requestingUrl: 'app://foyer.evil.com/' })).toBe(false);
    expect(decidePermissionRequest('media', { ...camera, requestingUrl: 'file:///etc/passwd' })).toBe(false);
    expect(decidePermissionRequest('media', { ...camera, securityOrigin: 'https://example.com' })).toBe(false);
    expect(decidePermissionRequest('media', { ...camera, isMainFrame: false })).toBe(false);
    expect(decidePermissionRequest('media', camera, 'https://example.com/')).toBe(false);
  });

  it.each([
    'clipboard-read',
    'clipboard-sanitized-write',
    'display-capture',
    'fullscreen',
    'geolocation',
    'idle-detection',
    'mediaKeySystem',
    'midi',
    'midiSysex',
    'notifications',
    'pointerLock',
    'keyboardLock',
    'openExternal',
    'speaker-selection',
    'storage-access',
    'top-level-storage-access',
    'window-management',
    'fileSystem',
    'unknown',
    'hid',
    'serial',
    'usb',
  ])('refuses %s even from the app', (permission) => {
    expect(decidePermissionRequest(permission, camera, 'app://foyer/index.html')).toBe(false);
    expect(decidePermissionCheck(permission, 'app://foyer', { mediaType: 'video', isMainFrame: true })).toBe(false);
  });
});

describe('permission checks', () => {
  it('allows a video check from the app origin only', () => {
    expect(decidePermissionCheck('media', 'app://foyer', { mediaType: 'video', isMainFrame: true, securityOrigin: 'app://foyer/' })).toBe(true);
    expect(decidePermissionCheck('media', 'app://foyer/', { mediaType: 'video', isMainFrame: true })).toBe(true);
  });

  it('refuses audio, unknown media types and other origins', () => {
    expect(decidePermissionCheck('media', 'app://foyer', { mediaType: 'audio', isMainFrame: true })).toBe(false);
    expect(decidePermissionCheck('media', 'app://foyer', { mediaType: 'unknown', isMainFrame: true })).toBe(false);
    expect(decidePermissionCheck('media', 'app://foyer', { isMainFrame: true })).toBe(false);
    expect(decidePermissionCheck('media', 'https://example.com', { mediaType: 'video', isMainFrame: true })).toBe(false);
    expect(decidePermissionCheck('media', 'app://foyer.evil.com', { mediaType: 'video', isMainFrame: true })).toBe(false);
    expect(decidePermissionCheck('media', 'null', { mediaType: 'video', isMainFrame: true })).toBe(false);
    expect(decidePermissionCheck('media', '', { mediaType: 'video', isMainFrame: true })).toBe(false);
  });

  it('refuses a check from a frame embedded by another origin', () => {
    expect(
      decidePermissionCheck('media', 'app://foyer', { mediaType: 'video', isMainFrame: false, embeddingOrigin: 'https://example.com' }),
    ).toBe(false);
  });
});

describe('hardening wiring', () => {
  function fakeContents() {
    const listeners = new Map<string, (...a: unknown[]) => void>();
    let openHandler: ((d: { url: string }) => unknown) | null = null;
    const contents = {
      on: (name: string, fn: (...a: unknown[]) => void) => listeners.set(name, fn),
      setWindowOpenHandler: (fn: (d: { url: string }) => unknown) => {
        openHandler = fn;
      },
    };
    return { contents: contents as unknown as WebContents, listeners, open: (url: string) => openHandler!({ url }) };
  }

  function navigate(listener: ((...a: unknown[]) => void) | undefined, url: string, asDetails = false): boolean {
    let prevented = false;
    const event = { preventDefault: () => (prevented = true), url };
    if (asDetails) listener!(event);
    else listener!(event, url);
    return prevented;
  }

  it('refuses navigation, redirects and frame navigation away from the app', () => {
    const { contents, listeners } = fakeContents();
    hardenWebContents(contents, () => {});
    for (const name of ['will-navigate', 'will-redirect']) {
      expect(navigate(listeners.get(name), 'https://example.com/'), name).toBe(true);
      expect(navigate(listeners.get(name), 'app://foyer.evil.com/'), name).toBe(true);
      expect(navigate(listeners.get(name), 'not a url'), name).toBe(true);
      expect(navigate(listeners.get(name), 'app://foyer/index.html'), name).toBe(false);
    }
    expect(navigate(listeners.get('will-frame-navigate'), 'file:///etc/passwd', true)).toBe(true);
    expect(navigate(listeners.get('will-frame-navigate'), 'app://foyer/index.html#/search', true)).toBe(false);
  });

  it('denies every window.open and every <webview>', () => {
    const { contents, listeners, open } = fakeContents();
    hardenWebContents(contents, () => {});
    expect(open('https://example.com')).toEqual({ action: 'deny' });
    expect(open('app://foyer/index.html')).toEqual({ action: 'deny' });
    let prevented = false;
    listeners.get('will-attach-webview')!({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  it('installs permission request, check and device handlers on the session', () => {
    let request: ((wc: unknown, p: string, cb: (ok: boolean) => void, d: unknown) => void) | null = null;
    let check: ((wc: unknown, p: string, origin: string, d: unknown) => boolean) | null = null;
    let device: (() => boolean) | null = null;
    let download: ((e: { preventDefault(): void }, item: { getURL(): string }) => void) | null = null;
    const ses = {
      setPermissionRequestHandler: (fn: typeof request) => (request = fn),
      setPermissionCheckHandler: (fn: typeof check) => (check = fn),
      setDevicePermissionHandler: (fn: typeof device) => (device = fn),
      on: (name: string, fn: typeof download) => name === 'will-download' && (download = fn),
    };
    hardenSession(ses as unknown as Session);
    const ours = { getURL: () => 'app://foyer/index.html' };
    const answers: boolean[] = [];
    request!(ours, 'media', (ok) => answers.push(ok), { mediaTypes: ['video'], isMainFrame: true, requestingUrl: 'app://foyer/index.html' });
    request!(ours, 'media', (ok) => answers.push(ok), { mediaTypes: ['audio'], isMainFrame: true, requestingUrl: 'app://foyer/index.html' });
    request!(ours, 'geolocation', (ok) => answers.push(ok), { isMainFrame: true, requestingUrl: 'app://foyer/index.html' });
    expect(answers).toEqual([true, false, false]);
    expect(check!(ours, 'media', 'app://foyer', { mediaType: 'video', isMainFrame: true })).toBe(true);
    expect(check!(ours, 'notifications', 'app://foyer', { isMainFrame: true })).toBe(false);
    expect(device!()).toBe(false);
    const cancelled = (url: string) => {
      let prevented = false;
      download!({ preventDefault: () => (prevented = true) }, { getURL: () => url });
      return prevented;
    };
    expect(cancelled('blob:app://foyer/5b0c5f1e-8d4e-4c4e-9a57-0a4f1b2c3d4e')).toBe(false); // an export the app made
    expect(cancelled('https://example.com/payload.exe')).toBe(true);
    expect(cancelled('blob:https://example.com/5b0c')).toBe(true);
  });

  it.each([
    ['blob:app://foyer/5b0c5f1e-8d4e', true],
    ['app://foyer/assets/report.csv', true],
    ['blob:app://foyer.evil.com/5b0c', false],
    ['blob:null/5b0c', false],
    ['data:application/pdf;base64,JVBERi0=', false],
    ['file:///etc/passwd', false],
    ['https://example.com/x.pdf', false],
    ['', false],
  ])('download of %s allowed: %s', (url, allowed) => {
    expect(isDownloadAllowed(url)).toBe(allowed);
  });
});

describe('IPC sender frame', () => {
  const top = { url: 'app://foyer/index.html', parent: null };

  it('accepts only the top frame of our window showing the app', () => {
    expect(isTrustedSender(top, top)).toBe(true);
  });

  it('refuses a missing frame, a subframe, another window and other origins', () => {
    expect(isTrustedSender(null, top)).toBe(false);
    expect(isTrustedSender(undefined, top)).toBe(false);
    expect(isTrustedSender(top, null)).toBe(false);
    const sub = { url: 'app://foyer/index.html', parent: top };
    expect(isTrustedSender(sub, top)).toBe(false);
    expect(isTrustedSender({ url: 'app://foyer/index.html', parent: null }, top)).toBe(false); // another window's top frame
    const navigatedAway = { url: 'https://example.com/', parent: null };
    expect(isTrustedSender(navigatedAway, navigatedAway)).toBe(false);
    const lookalike = { url: 'app://foyer.evil.com/', parent: null };
    expect(isTrustedSender(lookalike, lookalike)).toBe(false);
    const file = { url: 'file:///etc/passwd', parent: null };
    expect(isTrustedSender(file, file)).toBe(false);
  });
});

// ---- the IPC transport with a real station ------------------------------------

function fakeWindow(frameUrl = 'app://foyer/index.html') {
  const mainFrame = { url: frameUrl, parent: null as unknown };
  const sent: unknown[][] = [];
  const webContents = { mainFrame, isDestroyed: () => false, send: (...a: unknown[]) => sent.push(a) };
  const window = { isDestroyed: () => false, webContents } as unknown as BrowserWindow;
  return { window, webContents, mainFrame, sent };
}

describe('IPC calls', () => {
  let station: Station;
  let deps: IpcDeps;
  let win: ReturnType<typeof fakeWindow>;
  let trusted: { sender: WebContents; senderFrame: never };

  beforeEach(() => {
    station = freshStation().station;
    win = fakeWindow();
    deps = { station, handlers: createHandlers(), mainMethods, window: win.window };
    trusted = { sender: win.webContents as unknown as WebContents, senderFrame: win.mainFrame as never };
  });
  afterEach(() => station.close());

  it('runs a valid call from our window and commits the scan', async () => {
    const code = demoCodes(station, 1)[0]!.code;
    const res = await handleCall(deps, trusted, 'checkin.scan', { text: code });
    expect(res.ok).toBe(true);
    expect(res.ok && (res.value as { verdict: string }).verdict).toBe('admitted');
    const recent = await handleCall(deps, trusted, 'checkin.recent', {});
    expect(recent.ok && (recent.value as unknown[]).length).toBe(1);
  });

  it('refuses calls from a subframe, another origin, a missing frame or another webContents, and saves nothing', async () => {
    const code = demoCodes(station, 1)[0]!.code;
    const attempts = [
      { sender: trusted.sender, senderFrame: { url: 'app://foyer/index.html', parent: win.mainFrame } },
      { sender: trusted.sender, senderFrame: null },
      { sender: {} as WebContents, senderFrame: win.mainFrame },
    ];
    for (const event of attempts) {
      const res = await handleCall(deps, event as never, 'checkin.scan', { text: code });
      expect(res).toEqual({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/refused/) } });
    }
    win.mainFrame.url = 'https://example.com/';
    const res = await handleCall(deps, trusted, 'checkin.scan', { text: code });
    expect(res.ok).toBe(false);
    win.mainFrame.url = 'app://foyer/index.html';
    const recent = await handleCall(deps, trusted, 'checkin.recent', {});
    expect(recent.ok && recent.value).toEqual([]);
  });

  it.each([
    ['checkin.scan', { text: 42 }],
    ['checkin.scan', {}],
    ['checkin.scan', { text: 'x'.repeat(20_001) }],
    ['checkin.scan', 'ABC'],
    ['checkin.scan', [1, 2]],
    ['checkin.recent', { limit: -5 }],
    ['checkin.recent', { limit: 1e9 }],
    ['checkin.recent', { limit: '10' }],
    ['checkin.attendee', { attendeeId: '' }],
    ['attendees.search', { query: { $ne: null } }],
    ['desktop.info', { extra: true }],
  ])('rejects malformed arguments to %s with a sentence', async (method, args) => {
    const res = await handleCall(deps, trusted, method, args);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('invalid_args');
    expect(res.error.message).toMatch(new RegExp(`^Invalid request to ${method.replace('.', '\\.')}: .+`));
    expect(res.error.message).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('answers unknown or non-string methods with unknown_method, never throws', async () => {
    for (const m of ['nope', '__proto__', 'constructor', 'toString', 42, null, undefined, { method: 'checkin.scan' }]) {
      const res = await handleCall(deps, trusted, m, {});
      expect(res).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
  });

  it('serves main-only methods through the same check', async () => {
    const res = await handleCall(deps, trusted, 'desktop.info', {});
    expect(res).toMatchObject({ ok: true, value: { desktop: true, platform: process.platform } });
    const refused = await handleCall(deps, { ...trusted, senderFrame: null as never }, 'desktop.info', {});
    expect(refused.ok).toBe(false);
  });

  it('main-only method names never shadow station API methods', () => {
    for (const name of Object.keys(mainMethods)) expect(Object.hasOwn(methods, name), name).toBe(false);
  });

  it('wireIpc registers the handler, forwards data-free topics, and unwires', async () => {
    const handlers = new Map<string, (...a: unknown[]) => unknown>();
    const ipcMain = {
      handle: (ch: string, fn: (...a: unknown[]) => unknown) => handlers.set(ch, fn),
      removeHandler: (ch: string) => handlers.delete(ch),
    };
    const dispose = wireIpc(ipcMain as never, deps);
    const code = demoCodes(station, 1)[0]!.code;
    const res = (await handlers.get('foyer:call')!(trusted, 'checkin.scan', { text: code })) as { ok: boolean };
    expect(res.ok).toBe(true);
    expect(win.sent).toContainEqual(['foyer:topic', 'scan']);
    station.emit('status', { secret: 'personal data' });
    expect(win.sent).toContainEqual(['foyer:topic', 'status']);
    expect(win.sent.every((m) => m.length === 2 && typeof m[1] === 'string')).toBe(true);
    dispose();
    expect(handlers.has('foyer:call')).toBe(false);
    const before = win.sent.length;
    station.emit('scan');
    expect(win.sent.length).toBe(before);
  });

  it('only short topic names are forwarded', () => {
    expect(isForwardableTopic('scan')).toBe(true);
    expect(isForwardableTopic('occupancy')).toBe(true);
    expect(isForwardableTopic('')).toBe(false);
    expect(isForwardableTopic('x'.repeat(100))).toBe(false);
    expect(isForwardableTopic({ topic: 'scan' })).toBe(false);
  });
});

// ---- the preload, with a fake electron module ----------------------------------

const fakeIpc = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: null as null | ((...a: unknown[]) => Promise<unknown>),
  listeners: new Map<string, Set<(...a: unknown[]) => void>>(),
}));

vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(readonly options: unknown) {}
  },
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fakeIpc.exposed.set(key, api) },
  ipcRenderer: {
    invoke: (...a: unknown[]) => fakeIpc.invoke!(...a),
    on: (ch: string, fn: (...a: unknown[]) => void) => {
      if (!fakeIpc.listeners.has(ch)) fakeIpc.listeners.set(ch, new Set());
      fakeIpc.listeners.get(ch)!.add(fn);
    },
    removeListener: (ch: string, fn: (...a: unknown[]) => void) => fakeIpc.listeners.get(ch)?.delete(fn),
  },
}));

describe('preload bridge', () => {
  it('exposes exactly window.foyer = { call, subscribe } and nothing of Electron', async () => {
    await import('../../electron/preload');
    expect([...fakeIpc.exposed.keys()]).toEqual(['foyer']);
    const bridge = fakeIpc.exposed.get('foyer') as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual(['call', 'subscribe']);
    expect(typeof bridge.call).toBe('function');
    expect(typeof bridge.subscribe).toBe('function');
  });

  it('carries a scan end to end: preload → IPC → station → topic back to the page', async () => {
    await import('../../electron/preload');
    const { station } = freshStation();
    const win = fakeWindow();
    const registered = new Map<string, (...a: unknown[]) => unknown>();
    const dispose = wireIpc(
      { handle: (ch: string, fn: (...a: unknown[]) => unknown) => registered.set(ch, fn), removeHandler: () => {} } as never,
      { station, handlers: createHandlers(), mainMethods, window: win.window },
    );
    const event = { sender: win.webContents, senderFrame: win.mainFrame };
    fakeIpc.invoke = async (channel, ...args) => registered.get(channel as string)!(event, ...args);
    // main → renderer pushes go to the preload's listeners with an IPC event first
    win.webContents.send = (channel: unknown, ...args: unknown[]) => {
      for (const fn of fakeIpc.listeners.get(channel as string) ?? []) fn({ sender: 'ipc-event' }, ...args);
      return 0;
    };
    const bridge = fakeIpc.exposed.get('foyer') as import('../../core/api/index').FoyerBridge;
    const topics: unknown[][] = [];
    const unsubscribe = bridge.subscribe((...a) => topics.push(a));
    const code = demoCodes(station, 1)[0]!.code;
    const first = await bridge.call('checkin.scan', { text: code });
    const second = await bridge.call('checkin.scan', { text: code });
    expect(first).toMatchObject({ ok: true, value: { verdict: 'admitted' } });
    expect(second).toMatchObject({ ok: true, value: { verdict: expect.stringMatching(/warning|refused/) } });
    expect(topics).toEqual([['scan'], ['scan']]); // the topic only, never the IPC event
    unsubscribe();
    station.emit('scan');
    expect(topics).toHaveLength(2);
    const bad = await bridge.call('checkin.scan', { text: 7 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    dispose();
    station.close();
  });

  it('turns a failed invoke (uncloneable args, main gone) into an ok:false sentence', async () => {
    await import('../../electron/preload');
    const bridge = fakeIpc.exposed.get('foyer') as import('../../core/api/index').FoyerBridge;
    fakeIpc.invoke = async () => {
      throw new Error('An object could not be cloned.');
    };
    const res = await bridge.call('checkin.scan', { text: 'x' });
    expect(res).toMatchObject({ ok: false, error: { code: 'ipc', message: expect.stringMatching(/Nothing was saved/) } });
    expect(await bridge.call(42 as unknown as string, {})).toMatchObject({ ok: false });
  });
});

// Every security decision of the desktop app, as small pure functions (unit-tested
// without an Electron binary in tests/unit/electron-security.test.ts). Electron's
// security checklist, item by item, is in docs/security.md with pointers back here.
// Only *types* come from 'electron': the wiring functions take the objects they harden.
import type { Event, HandlerDetails, Session, WebContents, WindowOpenHandlerResponse } from 'electron';

/** The renderer is served from this privileged custom scheme, never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'foyer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Privileges of the app scheme: `standard` gives it real origins and relative URLs,
 * `secure` makes it a secure context (getUserMedia needs one), fetch lets the
 * renderer fetch its own assets (e.g. a decoder's .wasm), `stream` lets media read
 * streamed responses.
 * Never `bypassCSP`, never `corsEnabled`, no service workers.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  stream: true,
  codeCache: true,
} as const;

/**
 * Content-Security-Policy of every response of the app scheme. Nothing is loaded
 * from the network; the only non-self sources are in-memory (data:/blob: images,
 * the camera's mediastream, blob: workers). renderer/index.html carries its own
 * meta CSP and the browser enforces both; a unit test keeps this one at least as
 * permissive for scripts, styles, images, media and workers, so a decoder that
 * needs 'wasm-unsafe-eval' there cannot silently break the desktop app.
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self' 'wasm-unsafe-eval'"], // WebAssembly only (the camera's QR decoder), never JS eval
  ['style-src', "'self'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  ['media-src', "'self' blob: mediastream:"],
  ['worker-src', "'self' blob:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-src', "'none'"],
  ['frame-ancestors', "'none'"],
];
export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map(([k, v]) => `${k} ${v}`).join('; ');

/** Headers sent with every file the app scheme serves (electron/protocol.main.ts). */
export const RESPONSE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  // Defence in depth next to the permission handlers: only the camera, only for us.
  'Permissions-Policy': 'camera=(self), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=(), payment=()',
};

/** Parses a URL; malformed, relative or empty input gives null (never throws). */
export function parseUrl(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 8192) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * True when `raw` is a URL (or origin string) of our own app: exactly scheme `app:`,
 * host `foyer`, no port and no credentials. Compared field by field on a parsed
 * URL: `app://foyer.evil.com/`, `app://foyer@evil/` or `app://evil/?app://foyer`
 * all fail, which a `startsWith` would get wrong.
 */
export function isAppUrl(raw: unknown): boolean {
  const u = parseUrl(raw);
  if (!u) return false;
  return u.protocol === `${APP_SCHEME}:` && u.hostname === APP_HOST && u.port === '' && u.username === '' && u.password === '';
}

/** `will-navigate` / `will-redirect` / `will-frame-navigate`: only within the app. */
export function isNavigationAllowed(targetUrl: unknown): boolean {
  return isAppUrl(targetUrl);
}

/**
 * Downloads (`<a download>` of a file the station produced, e.g. an occupancy export):
 * only blob: URLs the app itself created, or its own files. Electron then asks where
 * to save. Anything else, such as a link in injected text, is cancelled.
 */
export function isDownloadAllowed(rawUrl: unknown): boolean {
  const u = parseUrl(rawUrl);
  if (!u) return false;
  if (u.protocol === 'blob:') return isAppUrl(u.pathname);
  return isAppUrl(rawUrl);
}

/** `window.open`, `target=_blank`, middle-click: always refused (and nothing opened externally). */
export function windowOpenDecision(_details?: Pick<HandlerDetails, 'url'>): WindowOpenHandlerResponse {
  return { action: 'deny' };
}

/** What a permission request carries that we look at (a subset of Electron's details). */
export interface PermissionRequestInfo {
  requestingUrl?: string;
  isMainFrame?: boolean;
  mediaTypes?: ReadonlyArray<string>;
  securityOrigin?: string;
}

/**
 * `session.setPermissionRequestHandler`: the camera, for our own top frame, and
 * nothing else (after Signal Desktop). A request that includes audio is refused
 * whole: the app never listens. Geolocation, notifications, clipboard-read,
 * display capture, MIDI, HID, serial, USB, openExternal, fullscreen… all refused.
 */
export function decidePermissionRequest(permission: string, details: PermissionRequestInfo | undefined, webContentsUrl?: string): boolean {
  if (permission !== 'media' || !details) return false;
  const types = details.mediaTypes ?? [];
  if (types.length === 0 || !types.every((t) => t === 'video')) return false;
  if (details.isMainFrame !== true) return false;
  if (!isAppUrl(details.requestingUrl)) return false;
  if (details.securityOrigin !== undefined && !isAppUrl(details.securityOrigin)) return false;
  if (webContentsUrl !== undefined && !isAppUrl(webContentsUrl)) return false;
  return true;
}

/** What a permission check carries that we look at. */
export interface PermissionCheckInfo {
  mediaType?: string;
  securityOrigin?: string;
  requestingUrl?: string;
  isMainFrame?: boolean;
  embeddingOrigin?: string;
}

/**
 * `session.setPermissionCheckHandler` (synchronous checks such as
 * navigator.permissions.query and device enumeration): same rule as requests,
 * video only and only from the app origin, never from an embedded frame.
 */
export function decidePermissionCheck(permission: string, requestingOrigin: string, details: PermissionCheckInfo | undefined): boolean {
  if (permission !== 'media' || !details) return false;
  if (details.mediaType !== 'video') return false;
  if (!isAppUrl(requestingOrigin)) return false;
  if (details.securityOrigin !== undefined && !isAppUrl(details.securityOrigin)) return false;
  if (details.embeddingOrigin !== undefined && !isAppUrl(details.embeddingOrigin)) return false;
  if (details.requestingUrl !== undefined && !isAppUrl(details.requestingUrl)) return false;
  return true;
}

/** The parts of an IPC sender frame we check (Electron's WebFrameMain). */
export interface FrameLike {
  url: string;
  parent: unknown;
}

/**
 * Every IPC message: the sender frame must exist (it is null once navigated away
 * or destroyed), be the top frame of our own window, and show our app origin.
 */
export function isTrustedSender(frame: FrameLike | null | undefined, expectedTopFrame: unknown): boolean {
  if (!frame || expectedTopFrame == null) return false;
  if (frame !== expectedTopFrame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

// ---- wiring: small functions that attach the decisions above ----------------

type Preventable = Pick<Event, 'preventDefault'>;

/** Hardens one webContents (our window, or anything else that gets created). */
export function hardenWebContents(contents: WebContents, log: (msg: string) => void = console.warn): void {
  const refuse = (kind: string) => (event: Preventable, url: string) => {
    if (!isNavigationAllowed(url)) {
      event.preventDefault();
      log(`[foyer] refused ${kind} to ${String(url).slice(0, 200)}`);
    }
  };
  contents.on('will-navigate', refuse('navigation'));
  contents.on('will-redirect', refuse('redirect'));
  contents.on('will-frame-navigate', (event) => refuse('frame navigation')(event, event.url));
  contents.setWindowOpenHandler((details) => {
    log(`[foyer] refused window.open of ${String(details.url).slice(0, 200)}`);
    return windowOpenDecision(details);
  });
  // No <webview> can be created (webviewTag: false); refuse it again should anything re-enable it.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('[foyer] refused a <webview>');
  });
}

/** Installs permission request/check handlers, refuses device (HID/serial/USB) access, limits downloads. */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((webContents, permission, callback, details) => {
    callback(decidePermissionRequest(permission, details, webContents.getURL()));
  });
  ses.setPermissionCheckHandler((_webContents, permission, requestingOrigin, details) =>
    decidePermissionCheck(permission, requestingOrigin, details),
  );
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event, item) => {
    if (!isDownloadAllowed(item.getURL())) event.preventDefault();
  });
}

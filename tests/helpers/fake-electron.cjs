// A stand-in for the 'electron' module so the real bundled main process
// (dist-electron/main.cjs) can boot under plain Node where no Electron binary
// exists. Load with `node --require tests/helpers/fake-electron.cjs dist-electron/main.cjs`.
// It records what main.ts asks of Electron, then plays the renderer: loads the
// entry URL through the registered protocol handler, makes IPC calls from the top
// frame (and from a foreign frame), quits, and reports everything as JSON lines
// on stdout prefixed with "FAKE ".
'use strict';
const Module = require('node:module');
const { EventEmitter } = require('node:events');

const env = process.env;
const report = (kind, data) => process.stdout.write(`FAKE ${JSON.stringify({ kind, ...data })}\n`);

const appEvents = new EventEmitter();
let readyResolve;
const ready = new Promise((r) => (readyResolve = r));
const protocolHandlers = new Map();
const ipcHandlers = new Map();
const sessionHandlers = {};
const windows = [];
let quitting = false;

const app = {
  isPackaged: env.FAKE_PACKAGED === '1',
  getAppPath: () => env.FAKE_APP_PATH,
  getPath: (name) => (name === 'userData' ? env.FAKE_USER_DATA : `/tmp/fake-${name}`),
  setPath: (name, value) => report('setPath', { name, value }),
  getVersion: () => '0.0.0-test',
  enableSandbox: () => report('enableSandbox', {}),
  requestSingleInstanceLock: () => env.FAKE_SECOND_INSTANCE !== '1',
  on: (event, fn) => (appEvents.on(event, fn), app),
  once: (event, fn) => (appEvents.once(event, fn), app),
  whenReady: () => ready,
  quit: () => {
    if (quitting) return;
    quitting = true;
    report('quit', {});
    appEvents.emit('will-quit', { preventDefault() {} });
    report('exit', { code: 0 });
    process.exit(0);
  },
  exit: (code) => {
    report('exit', { code });
    process.exit(code);
  },
};

class FakeWebContents extends EventEmitter {
  constructor() {
    super();
    this.mainFrame = { url: '', parent: null };
    this.sent = [];
    this.windowOpenHandler = null;
  }
  isDestroyed() {
    return false;
  }
  send(channel, ...args) {
    this.sent.push([channel, ...args]);
  }
  setWindowOpenHandler(fn) {
    this.windowOpenHandler = fn;
  }
  getURL() {
    return this.mainFrame.url;
  }
  reload() {}
}

class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new FakeWebContents();
    windows.push(this);
    appEvents.emit('web-contents-created', {}, this.webContents);
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  // Electron's kiosk window (electron/kiosk.main.ts follows the station's kiosk mode).
  setKiosk(on) {
    this.kiosk = on;
  }
  show() {}
  focus() {}
  restore() {}
  async loadURL(url) {
    const handler = protocolHandlers.get(new URL(url).protocol.slice(0, -1));
    const res = await handler(new Request(url));
    const body = await res.text();
    this.webContents.mainFrame.url = url;
    report('loaded', { url, status: res.status, csp: res.headers.get('content-security-policy'), body: body.slice(0, 200) });
    this.emit('ready-to-show');
    setImmediate(() => playRenderer(this).catch((err) => report('error', { message: String(err && err.stack) })));
  }
}

/** Plays the renderer: calls over IPC as the real preload would, then quits. */
async function playRenderer(win) {
  const call = ipcHandlers.get('foyer:call');
  const trusted = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
  const results = {};
  results.status = await call(trusted, 'station.status', {});
  const hits = await call(trusted, 'attendees.search', { query: env.FAKE_SEARCH ?? 'a', limit: 1 });
  const attendeeId = hits.ok && hits.value.hits[0] ? hits.value.hits[0].id : 'none'; // SearchResults: { hits, more }
  results.checkin = await call(trusted, 'checkin.attendee', { attendeeId, operator: 'fake-electron' });
  results.invalid = await call(trusted, 'checkin.scan', { text: 42 });
  results.desktop = await call(trusted, 'desktop.info', {});
  // pdfkit and the Noto fonts load their files at run time: prove they resolve from the bundle.
  const pdf = await call(trusted, 'badges.pdf', { attendeeId });
  results.pdf = pdf.ok ? { ok: true, bytes: pdf.value.bytes, magic: Buffer.from(pdf.value.base64, 'base64').subarray(0, 5).toString() } : pdf;
  const subframe = { url: win.webContents.mainFrame.url, parent: win.webContents.mainFrame };
  results.fromSubframe = await call({ sender: win.webContents, senderFrame: subframe }, 'checkin.attendee', { attendeeId });
  results.topics = win.webContents.sent;
  // Navigation and window.open as the page would try them.
  let prevented = false;
  win.webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'https://example.com/');
  results.navigationRefused = prevented;
  results.windowOpen = win.webContents.windowOpenHandler({ url: 'https://example.com/' });
  // Permission handlers as Chromium would ask them.
  const asked = [];
  sessionHandlers.request(win.webContents, 'media', (ok) => asked.push(ok), {
    mediaTypes: ['video'],
    isMainFrame: true,
    requestingUrl: win.webContents.mainFrame.url,
  });
  sessionHandlers.request(win.webContents, 'media', (ok) => asked.push(ok), {
    mediaTypes: ['audio'],
    isMainFrame: true,
    requestingUrl: win.webContents.mainFrame.url,
  });
  results.permissions = asked;
  const downloads = [];
  for (const url of ['blob:app://foyer/4f1c', 'https://example.com/x.exe']) {
    let cancelled = false;
    sessionHandlers['will-download']({ preventDefault: () => (cancelled = true) }, { getURL: () => url });
    downloads.push(cancelled);
  }
  results.downloadsCancelled = downloads;
  report('results', { results, windowOptions: win.options, attendeeId });
  appEvents.emit('window-all-closed');
}

const electron = {
  app,
  BrowserWindow,
  protocol: {
    registerSchemesAsPrivileged: (schemes) => report('schemes', { schemes }),
    handle: (scheme, fn) => protocolHandlers.set(scheme, fn),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (fn) => (sessionHandlers.request = fn),
      setPermissionCheckHandler: (fn) => (sessionHandlers.check = fn),
      setDevicePermissionHandler: (fn) => (sessionHandlers.device = fn),
      on: (event, fn) => (sessionHandlers[event] = fn),
    },
  },
  ipcMain: {
    handle: (channel, fn) => ipcHandlers.set(channel, fn),
    removeHandler: (channel) => ipcHandlers.delete(channel),
  },
  Menu: {
    buildFromTemplate: (template) => ({ template }),
    setApplicationMenu: (menu) => report('menu', { labels: menu.template.map((m) => m.role ?? m.label) }),
  },
  dialog: {
    showMessageBox: async (options) => {
      report('dialog', { options });
      return { response: 0 };
    },
  },
  shell: {
    openPath: async () => '',
    openExternal: async (url) => report('openExternal', { url }),
  },
};

const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'electron') return electron;
  return originalLoad.call(this, request, parent, isMain);
};

// Electron sets this; main.ts reads it for packaged migrations.
process.resourcesPath = env.FAKE_RESOURCES_PATH ?? '/nonexistent-resources';
setImmediate(() => readyResolve());

// @ts-check
// The worker thread that runs the registry's embedded PostgreSQL (PGlite). PGlite is PostgreSQL
// compiled to WebAssembly and runs synchronously in whichever thread holds it: in the request
// thread, every statement stalled every request (a 100,000-row import stopped /v1/health for
// seconds). Here it runs beside the HTTP server, which keeps answering. Plain JavaScript, so the
// thread starts without a TypeScript loader. Its client is registry/pglite-thread.ts.
//
// Messages in: {id, op: 'query', sql, params, rowMode, rawDates, tx?, blob?} | {id, op: 'exec', sql, tx?}
//   | {id, op: 'begin', tx} | {id, op: 'end', tx, commit} | {id, op: 'close'}.
// Messages out: {id, ok: true, result} | {id, ok: false, error: {message, ...PostgreSQL fields}}.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, types } from '@electric-sql/pglite';

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
const { dataDir, startParams } = /** @type {{ dataDir: string; startParams: string[] }} */ (workerData);

/** drizzle asks for dates and intervals as PostgreSQL wrote them (its parsers are functions, which cannot cross threads). */
const same = (/** @type {string} */ v) => v;
const rawDateParsers = Object.fromEntries([types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182].map((t) => [t, same]));

/** @param {unknown} err */
function errorOut(err) {
  const e = /** @type {Record<string, unknown>} */ (err ?? {});
  const out = { message: String(e.message ?? err) };
  // PostgreSQL's error fields (code, detail, constraint…) travel with the message.
  for (const [k, v] of Object.entries(e)) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  return out;
}

const reply = (/** @type {number} */ id, /** @type {unknown} */ result) => port.postMessage({ id, ok: true, result });
const fail = (/** @type {number} */ id, /** @type {unknown} */ err) => port.postMessage({ id, ok: false, error: errorOut(err) });

/** @param {any} target PGlite or one of its transactions @param {any} m */
async function run(target, m) {
  if (m.op === 'exec') {
    const r = await target.exec(m.sql);
    return r.map((/** @type {any} */ x) => ({ rows: x.rows, affectedRows: x.affectedRows, fields: x.fields }));
  }
  const r = await target.query(m.sql, m.params ?? [], {
    rowMode: m.rowMode ?? 'object',
    ...(m.rawDates ? { parsers: rawDateParsers } : {}),
    ...(m.blob ? { blob: new Blob([m.blob]) } : {}),
  });
  return { rows: r.rows, affectedRows: r.affectedRows, fields: r.fields };
}

/** Open transactions: their statements wait in an inbox and run in order, inside PGlite's transaction. */
const open = new Map();
const ROLLBACK = Symbol('rollback');

let pg;
try {
  pg = await PGlite.create(dataDir, { startParams: [...PGlite.defaultStartParams, ...startParams] });
} catch (err) {
  port.postMessage({ id: 0, ok: false, error: errorOut(err) });
  process.exit(1);
}
const db = /** @type {PGlite} */ (pg);

function begin(/** @type {any} */ m) {
  const box = { inbox: /** @type {any[]} */ ([]), wake: /** @type {null | (() => void)} */ (null), end: /** @type {any} */ (null) };
  open.set(m.tx, box);
  db.transaction(async (tx) => {
    reply(m.id, null);
    for (;;) {
      while (box.inbox.length === 0) await new Promise((r) => (box.wake = () => r(undefined)));
      const next = box.inbox.shift();
      if (next.op === 'end') {
        box.end = next;
        if (!next.commit) throw ROLLBACK;
        return;
      }
      await run(tx, next).then((r) => reply(next.id, r), (e) => fail(next.id, e));
    }
  }).then(
    () => reply(box.end.id, null),
    (err) => (err === ROLLBACK ? reply(box.end.id, null) : fail(box.end ? box.end.id : m.id, err)),
  ).finally(() => open.delete(m.tx));
}

port.on('message', (m) => {
  if (m.op === 'begin') return begin(m);
  if (m.tx !== undefined) {
    const box = open.get(m.tx);
    if (!box) return fail(m.id, new Error('That transaction is not open.'));
    box.inbox.push(m);
    box.wake?.();
    box.wake = null;
    return;
  }
  if (m.op === 'close') {
    db.close().then(() => reply(m.id, null), (e) => fail(m.id, e));
    return;
  }
  run(db, m).then((r) => reply(m.id, r), (e) => fail(m.id, e));
});
port.postMessage({ id: 0, ok: true, result: 'ready' });

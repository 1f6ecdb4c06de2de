// Hostile workbooks are refused in a sentence, quickly and cheaply, by the real import path
// (the worker thread): a zip bomb that says so, one that lies about its size, a cell at XFD1,
// a sheet that claims to reach row 1,048,576. Peak memory is sampled (RSS) while the worker
// runs; the limits are the issue's: within 2 s and under 200 MB extra.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runImport, warmImportWorker } from '../../registry/import/run';
import { deflated, deflatedBomb, workbookParts, writeZip } from '../helpers/zip-writer';

async function timed(file: Buffer) {
  // A running registry keeps an import worker loaded (warmImportWorker at start-up and after each import).
  await warmImportWorker();
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const t0 = performance.now();
  const ab = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
  const run = await runImport({ kind: 'file', file: ab, options: { format: 'xlsx', mapping: {}, mode: 'all', dryRun: false } });
  const ms = performance.now() - t0;
  const records: unknown[] = [];
  for await (const b of run.batches) records.push(...b.ids);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { report: run.report, records, ms, extraMb: (peak - base) / 1024 / 1024 };
}

describe('hostile XLSX files', () => {
  it('a 0.4 MB workbook that unpacks to 400 MB (and says so) is refused before anything is unpacked', async () => {
    const bomb = await deflatedBomb(400);
    const file = writeZip([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', data: bomb.data, method: 8, declaredSize: bomb.size }]);
    expect(file.length).toBeLessThan(2 * 1024 * 1024);
    const r = await timed(file);
    expect(r.records).toEqual([]);
    expect(r.report.summary).toMatch(/unpacks to 400 MB; at most 50 MB can be read/);
    expect(r.ms).toBeLessThan(2000);
    expect(r.extraMb).toBeLessThan(200);
  }, 60_000);

  it('the same bomb lying about its size (declares 2 kB) is refused when unpacking passes the declared size', async () => {
    const bomb = await deflatedBomb(400);
    const file = writeZip([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', data: bomb.data, method: 8, declaredSize: 2048 }]);
    const r = await timed(file);
    expect(r.records).toEqual([]);
    expect(r.report.summary).toMatch(/unpacks to more than it declares .*zip bomb/);
    expect(r.ms).toBeLessThan(2000);
    expect(r.extraMb).toBeLessThan(200);
  }, 60_000);

  it('one cell at XFD1 is refused in a sentence naming the cell, at once', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Participants');
    ws.addRow(['ID', 'First name', 'Last name']);
    for (let i = 0; i < 2000; i++) ws.addRow([i, 'Ana', 'Ruiz']);
    ws.getCell('XFD1').value = 'far away';
    const r = await timed(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r.records).toEqual([]);
    expect(r.report.summary).toMatch(/Sheet "Participants" has a cell far away, at XFD/);
    expect(r.ms).toBeLessThan(2000);
    expect(r.extraMb).toBeLessThan(200);
  }, 60_000);

  it('a sheet whose cells sit at row 1,048,576 (no dimension given) is refused too', async () => {
    const sheet =
      '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row><row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>';
    const r = await timed(writeZip([...workbookParts(), deflated('xl/worksheets/sheet1.xml', sheet)]));
    expect(r.report.summary).toMatch(/far away, at row 1048576/);
    expect(r.ms).toBeLessThan(2000);
  }, 60_000);

  it('an import past its time limit, or past its memory limit, is stopped with a sentence and stores nothing', async () => {
    const lines = ['ID,First name,Last name,Category'];
    for (let i = 0; i < 300_000; i++) lines.push(`p${i},Given${i},Family${i},NGO`);
    const bytes = Buffer.from(lines.join('\n'));
    const job = () => ({ kind: 'file' as const, file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, options: { format: 'csv' as const, mapping: {}, mode: 'all' as const, dryRun: false } });
    const slow = await runImport(job(), { timeoutMs: 300, heapMb: 512 });
    expect(slow.report.summary).toMatch(/took longer than 1 s and was stopped; nothing was imported/);
    const big = await runImport(job(), { timeoutMs: 60_000, heapMb: 24 });
    expect(big.report.summary).toMatch(/needed more than the 24 MB the registry allows for an import; nothing was imported/);
    for (const r of [slow, big]) for await (const b of r.batches) expect(b).toEqual([]);
  }, 120_000);
});

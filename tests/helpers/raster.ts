// Independent referees for printed badges: poppler's pdftoppm rasterises, ImageMagick
// "photographs" (rotate, blur, noise), zbar's zbarimg decodes. All Debian packages.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tool } from '../../testkit/tools';

/** PDF pages → PNG files (sorted), at the given resolution. */
export function rasterise(pdf: string, outDir: string, dpi = 150, pages?: { first: number; last: number }): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const prefix = path.join(outDir, path.basename(pdf, '.pdf'));
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  execFileSync(tool('pdftoppm'), ['-r', String(dpi), '-gray', '-png', ...range, pdf, prefix]);
  return fs
    .readdirSync(outDir)
    .filter((f) => f.startsWith(path.basename(prefix)) && f.endsWith('.png'))
    .sort()
    .map((f) => path.join(outDir, f));
}

/** A phone photo of a badge, simulated: rotated, blurred, a little noise, on a grey desk. */
export function photograph(png: string, out: string, opts: { rotate?: number; blur?: number } = {}): string {
  execFileSync(tool('convert'), [
    png,
    '-background', '#8a8a8a',
    '-rotate', String(opts.rotate ?? 17),
    '-blur', `0x${opts.blur ?? 1.2}`,
    '-attenuate', '0.4', '+noise', 'Gaussian',
    '-resize', '85%',
    out,
  ]);
  return out;
}

/** Every QR code zbarimg finds in the images, in order (raw text, one per code). */
export function zbarimg(files: string[]): string[] {
  if (files.length === 0) return [];
  let out: string;
  try {
    out = execFileSync(tool('zbarimg'), ['-q', '--raw', '-Sdisable', '-Sqrcode.enable', ...files], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 });
  } catch (err) {
    // zbarimg exits 4 when some image holds no code; what it did read is still on stdout.
    out = String((err as { stdout?: string }).stdout ?? '');
  }
  return out.split('\n').filter(Boolean);
}

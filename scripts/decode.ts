// `npm run decode -- FILE...`: decodes PNG/JPEG images with Foyer's QR decoder, one JSON line per file:
//   {"file":"a.png","text":"…","ms":1.93}      text is null when the image holds no readable QR code
//   {"file":"b.png","text":null,"ms":0,"error":"file not found"}   (and a sentence on stderr)
// Exit status: 0 when every file could be read, 1 when any could not, 2 for no arguments.
import { ImageFileError, readImageFile } from '../station/qr/image-file';
import { nodeQrDecoder } from '../station/qr/node-decoder';

const files = process.argv.slice(2).filter((a) => a !== '--');
if (files.length === 0 || files.includes('--help') || files.includes('-h')) {
  process.stderr.write('usage: npm run decode -- IMAGE.png|IMAGE.jpg ...\n');
  process.exit(files.length === 0 ? 2 : 0);
}

const decoder = await nodeQrDecoder('still');
let failed = 0;
for (const file of files) {
  try {
    const r = await decoder.decode(readImageFile(file));
    console.log(JSON.stringify({ file, text: r.text, ms: Math.round(r.ms * 100) / 100 }));
  } catch (err) {
    failed++;
    const why = err instanceof ImageFileError ? err.message : `cannot decode (${(err as Error)?.message ?? String(err)})`;
    console.log(JSON.stringify({ file, text: null, ms: 0, error: why }));
    process.stderr.write(`decode: ${file}: ${why}\n`);
  }
}
process.exitCode = failed ? 1 : 0;

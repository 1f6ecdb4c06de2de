// The photo worker thread: decodes and shrinks uploaded pictures (node-shared/photo.ts) off the
// registry's request thread, so a 40 MP photo or a thousand-photo archive never stalls a sync.
import { parentPort } from 'node:worker_threads';
import { PhotoRefused, preparePhoto } from '../../node-shared/photo';
import type { PhotoJob, PhotoReply } from './prepare';

const port = parentPort;
if (port) {
  port.on('message', (job: PhotoJob) => {
    let reply: PhotoReply;
    try {
      const p = preparePhoto(new Uint8Array(job.bytes));
      const jpeg = new Uint8Array(p.jpeg);
      reply = { id: job.id, ok: true, jpeg, width: p.width, height: p.height };
      port.postMessage(reply, [jpeg.buffer as ArrayBuffer]);
      return;
    } catch (err) {
      reply = { id: job.id, ok: false, message: err instanceof PhotoRefused ? err.message : 'The picture could not be read. Save it again as JPEG and upload it again.' };
    }
    port.postMessage(reply);
  });
  port.postMessage({ id: 0, ready: true });
}

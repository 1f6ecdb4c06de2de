// A fake webcam for Chromium: a Y4M video (raw I420 frames) of a badge sliding into view and then
// held still with a little hand tremor, and the flags that make Chromium use it as its camera.
// The fake device loops the file, so the badge leaves and re-enters every `seconds`.
import fs from 'node:fs';
import { addNoise, drawQr, sceneFrame } from '../../testkit/qr-frames';

export interface BadgeVideo {
  text: string;
  width?: number;
  height?: number;
  fps?: number;
  /** Length of one loop. */
  seconds?: number;
  /** Time the badge takes to slide in from outside the frame. */
  enterSeconds?: number;
  moduleSize?: number;
}

export function writeBadgeVideo(file: string, v: BadgeVideo): void {
  const width = v.width ?? 1280, height = v.height ?? 720, fps = v.fps ?? 10;
  const frames = Math.round((v.seconds ?? 3) * fps);
  const enter = Math.max(1, Math.round((v.enterSeconds ?? 0.5) * fps));
  const moduleSize = v.moduleSize ?? 5;
  const scene = sceneFrame(width, height, 31, 0);
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128); // grey: U and V planes
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, `YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`);
    for (let i = 0; i < frames; i++) {
      const f = { data: new Uint8ClampedArray(scene.data), width, height };
      const p = Math.min(1, i / enter); // 0 → 1 while sliding in from the right
      const cx = width * (1.35 - 0.85 * p) + 3 * Math.sin(i * 1.7);
      const cy = height * 0.5 + 3 * Math.cos(i * 1.3);
      drawQr(f, v.text, { cx, cy, moduleSize, angle: 6 + 2 * Math.sin(i) });
      addNoise(f, 3, 100 + i);
      fs.writeSync(fd, 'FRAME\n');
      fs.writeSync(fd, f.data);
      fs.writeSync(fd, chroma);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Chromium flags: grant camera access without a prompt and use `y4m` as the only camera. */
export function fakeCameraArgs(y4m: string): string[] {
  return ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`];
}

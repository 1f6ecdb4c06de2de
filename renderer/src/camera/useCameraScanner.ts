// Continuous webcam scanning: opens the chosen camera, feeds its newest frame to the decode worker
// whenever the worker is free, and passes each newly seen code to onScan (the same checkin.scan
// path as the USB scanner). Settings (camera, mirror, on/off) are remembered on this station.
import { useCallback, useEffect, useRef, useState } from 'react';
import { cameraProblem, type CameraProblem } from './camera-errors';
import { FrameDecoder } from './frame-source';
import { RepeatGuard } from './repeat-guard';

export type CameraStatus = 'off' | 'starting' | 'on' | 'problem';

export interface CameraDevice {
  deviceId: string;
  /** Empty until the camera permission was granted. */
  label: string;
}

const KEY = { on: 'foyer.camera.on', device: 'foyer.camera.device', mirror: 'foyer.camera.mirror' } as const;
const load = (k: string) => {
  try {
    return localStorage.getItem(k);
  } catch {
    return null;
  }
};
const save = (k: string, v: string) => {
  try {
    localStorage.setItem(k, v);
  } catch {
    // private mode: settings are simply not remembered
  }
};

/** Torch (a phone-style light) is in Chromium's capabilities but not yet in TypeScript's DOM types. */
function hasTorch(track: MediaStreamTrack): boolean {
  const caps = track.getCapabilities?.() as (MediaTrackCapabilities & { torch?: boolean }) | undefined;
  return caps?.torch === true;
}

/** `paused`: keep the preview but decode nothing (e.g. while a form dialog is open). */
export function useCameraScanner(onScan: (text: string) => void, paused = false) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const rootRef = useRef<HTMLElement>(null);
  const [status, setStatus] = useState<CameraStatus>('off');
  const [problem, setProblem] = useState<CameraProblem | null>(null);
  const [devices, setDevices] = useState<CameraDevice[]>([]);
  const [deviceId, setDeviceId] = useState<string | null>(() => load(KEY.device));
  const [mirror, setMirrorState] = useState(() => load(KEY.mirror) !== '0');
  const [torch, setTorchState] = useState({ supported: false, on: false });
  const [readAt, setReadAt] = useState(0);

  const onScanRef = useRef(onScan);
  onScanRef.current = onScan;
  const pausedRef = useRef(paused);
  pausedRef.current = paused;
  const stream = useRef<MediaStream | null>(null);
  const decoder = useRef<FrameDecoder | null>(null);
  const guard = useRef(new RepeatGuard(3000));
  const loop = useRef(0); // generation: a stopped loop sees a newer number and ends
  // Generation of camera sessions: a start still waiting for the camera when it is stopped,
  // restarted (double click, other camera) or unmounted sees a newer number and lets go of it.
  const session = useRef(0);

  const fail = useCallback((p: CameraProblem) => {
    setProblem(p);
    setStatus('problem');
  }, []);

  const stopStream = useCallback(() => {
    session.current++;
    loop.current++;
    stream.current?.getTracks().forEach((t) => t.stop());
    stream.current = null;
    if (videoRef.current) videoRef.current.srcObject = null;
    guard.current.reset();
    setTorchState({ supported: false, on: false });
  }, []);

  const refreshDevices = useCallback(async () => {
    const all = await navigator.mediaDevices.enumerateDevices().catch(() => [] as MediaDeviceInfo[]);
    setDevices(all.filter((d) => d.kind === 'videoinput' && d.deviceId).map((d) => ({ deviceId: d.deviceId, label: d.label })));
  }, []);

  const runLoop = useCallback(() => {
    const gen = ++loop.current;
    const video = videoRef.current!;
    const tick = () => {
      if (gen !== loop.current) return;
      if (!pausedRef.current) decoder.current?.offer(video);
      if ('requestVideoFrameCallback' in video) video.requestVideoFrameCallback(tick);
      else setTimeout(tick, 33);
    };
    tick();
  }, []);

  const start = useCallback(
    async (wanted: string | null = deviceId) => {
      stopStream();
      const mine = session.current;
      const stale = () => mine !== session.current;
      setProblem(null);
      setStatus('starting');
      if (!navigator.mediaDevices?.getUserMedia) return fail('unsupported');
      decoder.current ??= new FrameDecoder(
        (r) => {
          const root = rootRef.current;
          if (root) {
            // For tests and the tech desk: frames decoded and the last decode time, without re-rendering.
            root.dataset.frames = String(decoder.current?.frames ?? 0);
            root.dataset.decodeMs = r.decodeMs.toFixed(2);
            root.dataset.frameSource = r.source;
          }
          // A frame sent just before a pause may answer after it: drop that answer too.
          if (r.text !== null && !pausedRef.current && guard.current.accept(r.text, performance.now())) {
            setReadAt(Date.now());
            onScanRef.current(r.text);
          }
        },
        (message) => {
          console.error('[foyer] camera decoder', message);
          stopStream();
          decoder.current?.dispose();
          decoder.current = null;
          fail('decoderFailed');
        },
      );
      const constraints = (id: string | null): MediaStreamConstraints => ({
        audio: false,
        video: { ...(id ? { deviceId: { exact: id } } : {}), width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30 } },
      });
      let s: MediaStream;
      try {
        s = await navigator.mediaDevices.getUserMedia(constraints(wanted));
      } catch (err) {
        if (stale()) return;
        // The remembered camera may be unplugged: any camera is better than none.
        if (!wanted || cameraProblem(err) !== 'noCamera') return fail(cameraProblem(err));
        try {
          s = await navigator.mediaDevices.getUserMedia(constraints(null));
        } catch (err2) {
          return stale() ? undefined : fail(cameraProblem(err2));
        }
      }
      // Stopped, restarted or the decoder failed while the camera was opening: release it.
      if (stale()) {
        s.getTracks().forEach((t) => t.stop());
        return;
      }
      stream.current = s;
      const track = s.getVideoTracks()[0];
      if (!track) return fail('noCamera');
      track.addEventListener('ended', () => {
        if (stream.current === s) {
          stopStream();
          fail('lost');
        }
      });
      const id = track.getSettings().deviceId ?? null;
      setDeviceId(id);
      if (id) save(KEY.device, id);
      save(KEY.on, '1');
      setTorchState({ supported: hasTorch(track), on: false });
      const video = videoRef.current!;
      video.srcObject = s;
      try {
        await video.play();
      } catch {
        // autoplay of a muted stream is always allowed; a failure here means the stream already ended
      }
      if (stale()) return;
      setStatus('on');
      void refreshDevices();
      runLoop();
    },
    [deviceId, fail, refreshDevices, runLoop, stopStream],
  );

  const stop = useCallback(() => {
    stopStream();
    save(KEY.on, '0');
    setProblem(null);
    setStatus('off');
  }, [stopStream]);

  const selectDevice = useCallback((id: string) => void start(id), [start]);

  const setMirror = useCallback((on: boolean) => {
    setMirrorState(on);
    save(KEY.mirror, on ? '1' : '0');
  }, []);

  const setTorch = useCallback(async (on: boolean) => {
    const track = stream.current?.getVideoTracks()[0];
    if (!track) return;
    try {
      await track.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] });
      setTorchState({ supported: true, on });
    } catch {
      setTorchState({ supported: false, on: false });
    }
  }, []);

  // Start by itself when the camera was on last time; list cameras as they come and go.
  useEffect(() => {
    if (load(KEY.on) === '1') void start();
    const md = navigator.mediaDevices;
    if (md) {
      void refreshDevices();
      md.addEventListener('devicechange', refreshDevices);
    }
    return () => {
      md?.removeEventListener('devicechange', refreshDevices);
      stopStream();
      decoder.current?.dispose();
      decoder.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- mount/unmount only
  }, []);

  return { videoRef, rootRef, status, problem, devices, deviceId, mirror, torch, readAt, start, stop, selectDevice, setMirror, setTorch };
}

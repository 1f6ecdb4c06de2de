// Webcam scanning panel: camera picker, live preview with a target frame, mirror and torch
// options, and a plain sentence when there is no camera or no permission. Decoded codes go to
// onScan, the same path as the USB scanner (checkin.scan).
import { useEffect, useState } from 'react';
import { Icon } from '../components/Icon';
import { t } from '../i18n';
import { useCameraScanner } from './useCameraScanner';
import './camera.css';

const FLASH_MS = 600;

/** `paused`: the preview stays, nothing is decoded (e.g. while a walk-in form is open). */
/** `offText`: what the panel says while the camera is off (the kiosk has no name search to point to). */
export function CameraScanner({ onScan, paused = false, offText }: { onScan: (text: string) => void; paused?: boolean; offText?: string }) {
  const cam = useCameraScanner(onScan, paused);
  const flashing = useFlash(cam.readAt);
  const running = cam.status === 'on' || cam.status === 'starting';

  return (
    <section className="panel camera" ref={cam.rootRef} aria-label={t('camera.title')} data-testid="camera" data-status={cam.status} data-paused={paused}>
      <div className="camera__bar">
        <h2 className="panel__title camera__title">{t('camera.title')}</h2>
        <button type="button" className="button" data-testid="camera-toggle" onClick={() => (running ? cam.stop() : void cam.start())}>
          <Icon name="scan" />
          {running ? t('camera.stop') : t('camera.start')}
        </button>
        {cam.devices.length > 1 && (
          <label className="camera__field">
            <span className="visually-hidden">{t('camera.choose')}</span>
            <select value={cam.deviceId ?? ''} onChange={(e) => cam.selectDevice(e.target.value)} data-testid="camera-device">
              {cam.devices.map((d, i) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {d.label || t('camera.unnamed', { n: i + 1 })}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="camera__field camera__check">
          <input type="checkbox" checked={cam.mirror} onChange={(e) => cam.setMirror(e.target.checked)} />
          <span>{t('camera.mirror')}</span>
        </label>
        {cam.torch.supported && (
          <button type="button" className="button" aria-pressed={cam.torch.on} onClick={() => void cam.setTorch(!cam.torch.on)}>
            {t('camera.torch')}
          </button>
        )}
      </div>

      <div className="camera__view" hidden={!running}>
        <video ref={cam.videoRef} className={cam.mirror ? 'camera__video camera__video--mirror' : 'camera__video'} muted playsInline aria-hidden="true" />
        <div className={flashing ? 'camera__target camera__target--read' : 'camera__target'} aria-hidden="true" />
        <p className="camera__hint">{cam.status === 'starting' ? t('camera.starting') : flashing ? t('camera.read') : t('camera.hint')}</p>
      </div>

      {cam.status === 'problem' && cam.problem && (
        <p className="camera__problem" role="alert" data-testid="camera-problem" data-problem={cam.problem}>
          <Icon name="alert" />
          {t(`camera.problems.${cam.problem}`)}
        </p>
      )}
      {cam.status === 'off' && <p className="camera__off">{offText ?? t('camera.off')}</p>}
    </section>
  );
}

/** True for a moment after each read, so the target frame can flash green. */
function useFlash(at: number): boolean {
  const [on, setOn] = useState(false);
  useEffect(() => {
    if (!at) return;
    setOn(true);
    const timer = setTimeout(() => setOn(false), FLASH_MS);
    return () => clearTimeout(timer);
  }, [at]);
  return on;
}

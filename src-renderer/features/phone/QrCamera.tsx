import { useEffect, useRef } from 'react';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import type { QrDetector } from './qr-detector.ts';

interface Props {
  detector: QrDetector;
  onDetected(text: string): void;
  /** The camera could not be opened (permission refused, no camera, in use elsewhere). */
  onFailed(): void;
  onCancel(): void;
}

/** Four looks a second is plenty for a code held still, and spares a phone's battery. */
const SCAN_EVERY_MS = 250;

/** The rear camera, looking for a QR code until it finds one. */
export function QrCamera({ detector, onDetected, onFailed, onCancel }: Props) {
  const { t } = useI18n();
  const videoRef = useRef<HTMLVideoElement>(null);
  const callbacks = useRef({ onDetected, onFailed });
  useEffect(() => {
    callbacks.current = { onDetected, onFailed };
  });

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    async function look() {
      const video = videoRef.current;
      if (stopped || !video) return;
      try {
        if (video.readyState >= video.HAVE_CURRENT_DATA) {
          const found = (await detector.detect(video)).find((code) => code.rawValue);
          if (found && !stopped) {
            callbacks.current.onDetected(found.rawValue);
            return;
          }
        }
      } catch {
        // A frame that could not be read; try the next one.
      }
      timer = setTimeout(() => void look(), SCAN_EVERY_MS);
    }

    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (media) => {
        // Closed while the permission prompt was up: let the camera go at once.
        if (stopped || !videoRef.current) {
          media.getTracks().forEach((track) => track.stop());
          return;
        }
        stream = media;
        videoRef.current.srcObject = media;
        await videoRef.current.play();
        void look();
      })
      .catch(() => {
        if (!stopped) callbacks.current.onFailed();
      });

    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [detector]);

  return (
    <div className="qr-camera" data-testid="phone-camera">
      <video ref={videoRef} className="qr-camera-video" muted playsInline />
      <div className="qr-camera-frame" aria-hidden="true" />
      <p className="qr-camera-hint">{t('phone.cameraHint')}</p>
      <button type="button" className="btn btn-secondary btn-block" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}

import { useEffect, useId, useState, type FormEvent } from 'react';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { useErrorText } from '../../components/error-text.hook.ts';
import { useBindCart } from './phone-cart.query.ts';
import { QrCamera } from './QrCamera.tsx';
import { createQrDetector, type QrDetector } from './qr-detector.ts';

/** Step one of shopping: read the QR code on the cart's screen, by camera or by hand. */
export function PhoneScan() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const bind = useBindCart();
  const [detector, setDetector] = useState<QrDetector | null>(null);
  const [scanning, setScanning] = useState(false);
  const [cameraFailed, setCameraFailed] = useState(false);
  const [code, setCode] = useState('');
  const inputId = useId();
  const errorId = useId();

  useEffect(() => {
    let live = true;
    void createQrDetector().then((found) => live && setDetector(found));
    return () => {
      live = false;
    };
  }, []);

  function submit(text: string) {
    const qr = text.trim();
    if (!qr || bind.isPending) return;
    bind.mutate(qr);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit(code);
  }

  return (
    <section className="phone-card" data-testid="phone-scan" aria-labelledby="scan-title">
      <div className="phone-scan-art" aria-hidden="true">
        <span className="phone-scan-corner" />
      </div>
      <h1 id="scan-title" className="phone-title">
        {t('phone.scanTitle')}
      </h1>
      <p className="muted">{t('phone.scanIntro')}</p>

      {bind.isError && (
        <p id={errorId} className="notice notice-error" role="alert" data-testid="phone-scan-error">
          {errorText(bind.error)}
        </p>
      )}

      {scanning && detector ? (
        <QrCamera
          detector={detector}
          onDetected={(text) => {
            setScanning(false);
            setCode(text);
            submit(text);
          }}
          onFailed={() => {
            setScanning(false);
            setCameraFailed(true);
          }}
          onCancel={() => setScanning(false)}
        />
      ) : (
        detector && (
          <button
            type="button"
            className="btn btn-primary btn-block btn-lg"
            data-testid="phone-camera-open"
            onClick={() => setScanning(true)}
          >
            {t('phone.openCamera')}
          </button>
        )
      )}
      {cameraFailed && <p className="notice notice-warn">{t('phone.cameraFailed')}</p>}

      <form className="form" onSubmit={handleSubmit} noValidate>
        <div className="field">
          <label htmlFor={inputId}>{t(detector ? 'phone.orType' : 'phone.typeCode')}</label>
          <input
            id={inputId}
            data-testid="phone-qr-input"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            inputMode="text"
            placeholder="CARTSTATION:1:…"
            value={code}
            aria-invalid={bind.isError || undefined}
            aria-describedby={bind.isError ? errorId : undefined}
            onChange={(e) => setCode(e.target.value)}
          />
          {!detector && <p className="field-hint">{t('phone.noCameraHint')}</p>}
        </div>
        <button
          type="submit"
          className={`btn btn-block btn-lg ${detector ? 'btn-secondary' : 'btn-primary'}`}
          data-testid="phone-qr-submit"
          disabled={bind.isPending || !code.trim()}
        >
          {bind.isPending ? t('phone.binding') : t('phone.startShopping')}
        </button>
      </form>
    </section>
  );
}

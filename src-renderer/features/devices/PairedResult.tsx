import type { PairedDevice } from '../../api/devices.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { CopyBox } from '../../components/CopyBox.tsx';
import { QrCode } from '../../components/QrCode.tsx';

interface Props {
  device: PairedDevice;
  onDone(): void;
}

/**
 * A newly paired cart's secret key and QR code. No API answer ever carries the key again, so
 * this is the one time staff can read it: it goes into the cart's firmware now.
 */
export function PairedResult({ device, onDone }: Props) {
  const { t } = useI18n();
  return (
    <section className="panel paired" data-testid="pair-result" aria-labelledby="paired-title">
      <h2 id="paired-title" className="panel-title">
        {t('pair.doneTitle', { name: device.name })}
      </h2>
      <p className="muted small">{t('pair.doneCode', { code: device.cart_code })}</p>
      <p className="notice notice-warn" role="alert">
        <strong>{t('pair.keyWarningTitle')}</strong> {t('pair.keyWarning')}
      </p>
      <CopyBox label={t('pair.key')} value={device.key} testId="pair-key" />
      <div className="paired-qr">
        <QrCode
          text={device.qr_payload}
          size={160}
          label={t('devices.qrLabel', { code: device.cart_code })}
          testId="pair-qr"
        />
        <p className="muted small">{t('pair.qrHint')}</p>
      </div>
      <CopyBox label={t('devices.qrPayload')} value={device.qr_payload} testId="pair-qr-payload" />
      <div className="form-actions">
        <button type="button" className="btn btn-primary" data-testid="pair-done" onClick={onDone}>
          {t('pair.keySaved')}
        </button>
      </div>
    </section>
  );
}

import { useEffect, useId, useRef } from 'react';
import type { Device } from '../../api/devices.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { CopyBox } from '../../components/CopyBox.tsx';
import { QrCode } from '../../components/QrCode.tsx';

interface Props {
  device: Device;
  onClose(): void;
}

/**
 * The cart's current QR code, as its own screen shows it. It changes after every session, so
 * a printed copy stops working: this is for a cart whose screen is broken, or for a demo.
 */
export function QrDialog({ device, onClose }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog qr-dialog"
      aria-labelledby={titleId}
      data-testid="qr-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {t('devices.qrTitle', { name: device.name })}
      </h2>
      <div className="qr-dialog-code">
        <QrCode
          text={device.qr_payload}
          size={220}
          label={t('devices.qrLabel', { code: device.cart_code })}
        />
      </div>
      <p className="muted small">{t('devices.qrRotates')}</p>
      <CopyBox label={t('devices.qrPayload')} value={device.qr_payload} testId="qr-payload" />
      <div className="dialog-actions">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </dialog>
  );
}

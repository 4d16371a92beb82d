import { useState } from 'react';
import type { Device } from '../../api/devices.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { LinkCell } from './LinkCell.tsx';
import { RenameInline } from './RenameInline.tsx';

interface Props {
  device: Device;
  /** Renaming and retiring are for admins; everyone on staff can see the QR code. */
  canManage: boolean;
  onShowQr(): void;
  onRetire(): void;
}

export function DeviceRow({ device, canManage, onShowQr, onRetire }: Props) {
  const { t } = useI18n();
  const [renaming, setRenaming] = useState(false);
  const retired = device.status === 'retired';

  return (
    <tr
      data-testid="device-row"
      data-cart={device.cart_code}
      className={retired ? 'is-retired' : undefined}
    >
      <td>
        {renaming ? (
          <RenameInline device={device} onDone={() => setRenaming(false)} />
        ) : (
          <>
            <div className="cell-title" data-testid="device-name">
              {device.name}
            </div>
            <div className="sku">
              {device.cart_code}
              {device.firmware && ` · ${device.firmware}`}
            </div>
          </>
        )}
      </td>
      <td>
        {retired ? (
          <span className="badge badge-muted">{t('devices.retired')}</span>
        ) : (
          <LinkCell device={device} />
        )}
      </td>
      <td data-testid="device-session">
        {device.session ? (
          <>
            <div className="cell-title">{device.session.customer_name}</div>
            <div className="muted small">
              {t(
                device.session.status === 'checkout'
                  ? 'carts.status.checkout'
                  : 'carts.status.active',
              )}
            </div>
          </>
        ) : (
          <span className="muted">{retired ? '—' : t('devices.free')}</span>
        )}
      </td>
      <td className="row-actions">
        {!retired && (
          <>
            <button
              type="button"
              className="btn btn-secondary btn-sm"
              data-testid="device-qr"
              onClick={onShowQr}
            >
              {t('devices.showQr')}
            </button>
            {canManage && !renaming && (
              <button
                type="button"
                className="btn btn-secondary btn-sm"
                data-testid="device-rename"
                aria-label={t('devices.renameNamed', { name: device.name })}
                onClick={() => setRenaming(true)}
              >
                {t('devices.rename')}
              </button>
            )}
            {canManage && (
              <button
                type="button"
                className="btn btn-danger-ghost btn-sm"
                data-testid="device-retire"
                aria-label={t('devices.retireNamed', { name: device.name })}
                onClick={onRetire}
              >
                {t('devices.retire')}
              </button>
            )}
          </>
        )}
      </td>
    </tr>
  );
}

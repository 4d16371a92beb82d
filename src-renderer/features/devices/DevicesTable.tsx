import type { Device } from '../../api/devices.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { DeviceRow } from './DeviceRow.tsx';

interface Props {
  devices: Device[];
  canManage: boolean;
  onShowQr(device: Device): void;
  onRetire(device: Device): void;
}

export function DevicesTable({ devices, canManage, onShowQr, onRetire }: Props) {
  const { t } = useI18n();
  return (
    <div className="table-scroll">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('devices.col.cart')}</th>
            <th scope="col">{t('devices.col.link')}</th>
            <th scope="col">{t('devices.col.session')}</th>
            <th scope="col" className="row-actions">
              <span className="visually-hidden">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {devices.map((device) => (
            <DeviceRow
              key={device.id}
              device={device}
              canManage={canManage}
              onShowQr={() => onShowQr(device)}
              onRetire={() => onRetire(device)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

import type { Device } from '../../api/devices.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { formatDateTime } from '../status/status.format.ts';

/** Online with how it is connected, or offline with when the cart was last heard from. */
export function LinkCell({ device }: { device: Device }) {
  const { t, locale } = useI18n();
  const { link } = device;
  if (link.online) {
    return (
      <div data-testid="device-link" data-online="true">
        <span className="badge badge-good">{t('devices.online')}</span>
        <div className="muted small">
          {[link.transport?.toUpperCase(), link.address].filter(Boolean).join(' · ')}
        </div>
      </div>
    );
  }
  return (
    <div data-testid="device-link" data-online="false">
      <span className="badge badge-muted">{t('devices.offline')}</span>
      <div className="muted small">
        {device.last_seen_at
          ? t('devices.lastSeen', { time: formatDateTime(device.last_seen_at, locale) })
          : t('devices.neverSeen')}
      </div>
    </div>
  );
}

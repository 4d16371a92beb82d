import type { TransportName } from '../../api/devices.api.ts';
import { useI18n, type MessageKey } from '../../app/i18n/i18n.context.ts';
import { useTransports } from './devices.query.ts';

const NAMES: Record<TransportName, MessageKey> = {
  serial: 'transports.serial',
  usb: 'transports.usb',
  tcp: 'transports.tcp',
};

/** How carts can reach this terminal, and for each way that cannot, the reason. */
export function TransportsPanel() {
  const { t } = useI18n();
  const transports = useTransports();

  return (
    <section className="panel" data-testid="transports-panel" aria-labelledby="transports-title">
      <h2 id="transports-title" className="panel-title">
        {t('transports.title')}
      </h2>
      {!transports.data ? (
        <p className="muted" role="status">
          {transports.isError ? t('transports.loadFailed') : t('common.loading')}
        </p>
      ) : (
        <ul className="transport-list">
          {(Object.keys(NAMES) as TransportName[]).map((name) => {
            const status = transports.data[name];
            return (
              <li key={name} className="transport" data-testid={`transport-${name}`}>
                <span
                  className={`transport-dot ${status.available ? 'is-on' : 'is-off'}`}
                  aria-hidden="true"
                />
                <div>
                  <div className="cell-title">
                    {t(NAMES[name])}:{' '}
                    <span className={status.available ? 'text-good' : 'muted'}>
                      {t(status.available ? 'transports.available' : 'transports.unavailable')}
                    </span>
                  </div>
                  <div className="muted small">{status.detail}</div>
                  {'ports' in status && status.ports.length > 0 && (
                    <div className="muted small">
                      {t('transports.ports', { ports: status.ports.join(', ') })}
                    </div>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

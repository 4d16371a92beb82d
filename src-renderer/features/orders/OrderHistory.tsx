import type { OrderHistoryEntry } from '../../api/orders.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { formatDateTime } from '../../components/date-time.format.ts';
import { OrderStatusBadge } from './OrderStatusBadge.tsx';

/** Every status the order has had, oldest first, with who noted what. */
export function OrderHistory({ history }: { history: OrderHistoryEntry[] }) {
  const { t, locale } = useI18n();
  return (
    <section className="order-section" aria-labelledby="order-history-title">
      <h3 id="order-history-title" className="section-title">
        {t('orders.history')}
      </h3>
      {history.length === 0 ? (
        <p className="muted small">{t('orders.historyEmpty')}</p>
      ) : (
        <ol className="order-history" data-testid="order-history">
          {history.map((entry, index) => (
            <li key={`${entry.at}-${index}`} data-testid="order-history-entry">
              <div className="order-history-line">
                {entry.from && (
                  <>
                    <OrderStatusBadge status={entry.from} />
                    <span aria-hidden="true">→</span>
                    <span className="visually-hidden">{t('orders.historyTo')}</span>
                  </>
                )}
                <OrderStatusBadge status={entry.to} />
              </div>
              <div className="muted small">
                {formatDateTime(entry.at, locale)}
                {entry.by_name ? ` · ${entry.by_name}` : ''}
              </div>
              {entry.note && <div className="order-history-note">{entry.note}</div>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

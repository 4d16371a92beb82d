import { useI18n } from '../../app/i18n/i18n.context.ts';
import { useReceipt } from './phone-orders.query.ts';

/**
 * The receipt exactly as the counter's printer lays it out (fixed-width lines). Left out when
 * the server has none to give; it is a convenience beside the order above, not the record.
 */
export function PhoneReceipt({ orderRef }: { orderRef: string }) {
  const { t } = useI18n();
  const receipt = useReceipt(orderRef);
  if (!receipt.data) return null;
  return (
    <div className="phone-card">
      <h2 className="phone-section-title">{t('phoneOrders.receipt')}</h2>
      <pre className="phone-receipt" data-testid="phone-receipt">
        {receipt.data.lines.join('\n')}
      </pre>
    </div>
  );
}

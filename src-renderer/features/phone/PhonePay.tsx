import type { MyOrder } from '../../api/my-orders.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { PhoneLocked } from './PhoneLocked.tsx';
import { PhoneOrderLines } from './PhoneOrderLines.tsx';
import { PhonePaid } from './PhonePaid.tsx';
import { PhonePayChooser } from './PhonePayChooser.tsx';

/** The order exists and the cart is locked: choose how to pay. */
export function PhonePay({ order, cartCode }: { order: MyOrder; cartCode: string }) {
  const { t } = useI18n();
  if (order.payment_status === 'paid') {
    return <PhonePaid orderNumber={order.number} total={order.total} />;
  }
  return (
    <section className="phone-checkout" data-testid="phone-pay" aria-labelledby="pay-title">
      <h1 id="pay-title" className="visually-hidden">
        {t('phoneCheckout.payTitle')}
      </h1>
      <PhoneLocked cartCode={cartCode} orderNumber={order.number} total={order.total} />
      <PhonePayChooser order={order} />
      <div className="phone-card">
        <PhoneOrderLines
          lines={order.items.map((i) => ({
            name: i.product_name,
            quantity: i.quantity,
            lineTotal: i.line_total,
          }))}
          subtotal={order.subtotal}
          discount={order.discount}
          total={order.total}
        />
      </div>
    </section>
  );
}

import { useState } from 'react';
import type { MyOrder } from '../../api/my-orders.api.ts';
import type { OnlineMethod, PaymentView } from '../../api/payments.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { useErrorText } from '../../components/error-text.hook.ts';
import {
  isGatewayDown,
  usePaymentMethods,
  usePendingPayment,
  useStartPayment,
} from './phone-checkout.query.ts';
import { PhonePaymentMethods } from './PhonePaymentMethods.tsx';
import { PhonePaymentWaiting } from './PhonePaymentWaiting.tsx';

/**
 * How to pay an unpaid order: an online method opens a gateway link and waits for it; cash
 * means showing the order number at the counter. Used at the cart's checkout and from an
 * order's page (an order placed for delivery with a bank transfer or a wallet).
 */
export function PhonePayChooser({ order }: { order: MyOrder }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const methods = usePaymentMethods();
  const pending = usePendingPayment(order.id);
  const start = useStartPayment(order.id);
  // undefined: follow the link the server already has open (after a reload); null: none shown.
  const [shown, setShown] = useState<PaymentView | null | undefined>(undefined);
  const [cash, setCash] = useState(false);
  const payment = shown === undefined ? (pending.data ?? null) : shown;

  async function payOnline(method: OnlineMethod) {
    setCash(false);
    try {
      setShown(await start.mutateAsync(method));
    } catch (error) {
      // The gateway is down: the counter takes cash, so point there straight away.
      if (isGatewayDown(error)) setCash(true);
    }
  }

  const gatewayDown = start.isError && isGatewayDown(start.error);

  return (
    <>
      {shown === undefined && pending.isPending ? (
        <p className="phone-card muted" role="status">
          {t('common.loading')}
        </p>
      ) : payment ? (
        <PhonePaymentWaiting
          key={payment.id}
          payment={payment}
          onOther={() => {
            start.reset();
            setShown(null);
          }}
        />
      ) : (
        <div className="phone-card">
          <h2 className="phone-section-title">{t('phoneCheckout.methodsTitle')}</h2>
          {gatewayDown ? (
            <p className="notice notice-warn" role="alert" data-testid="phone-gateway-down">
              {t('phoneCheckout.gatewayDown')}
            </p>
          ) : (
            start.isError && (
              <p className="notice notice-error" role="alert">
                {errorText(start.error)}
              </p>
            )
          )}
          {methods.isError && (
            <p className="notice notice-error small" role="alert">
              {errorText(methods.error)}
            </p>
          )}
          <PhonePaymentMethods
            methods={methods.data ?? []}
            starting={start.isPending ? (start.variables ?? null) : null}
            cashChosen={cash}
            onCash={() => setCash(true)}
            onOnline={(method) => void payOnline(method)}
          />
          {cash && (
            <div className="phone-counter" role="status" data-testid="phone-cash">
              <span className="muted small">{t('phoneCheckout.cashShow')}</span>
              <strong className="phone-counter-number">{order.number}</strong>
              <span className="small">{t('phoneCheckout.cashBody')}</span>
            </div>
          )}
        </div>
      )}
    </>
  );
}

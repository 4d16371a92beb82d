import { useState } from 'react';
import { ApiError } from '../../api/api-client.ts';
import type { SessionView } from '../../api/sessions.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { useErrorText } from '../../components/error-text.hook.ts';
import { usePlaceOrder, useVouchers } from './phone-checkout.query.ts';
import { PhoneOrderLines } from './PhoneOrderLines.tsx';
import { PhoneVoucherPicker } from './PhoneVoucherPicker.tsx';
import { estimateDiscount } from './voucher-estimate.ts';

interface Props {
  session: SessionView;
  /** The cart was just locked and the phone is asking whether it already has an order. */
  checking?: boolean;
  /** Back to shopping; absent once the cart is locked (there is no unlocking it from here). */
  onBack?(): void;
}

/**
 * The last look before the order: what the cart holds (still live while the cart is open), an
 * optional voucher, and the button that makes the order, which locks the cart.
 */
export function PhoneReview({ session, checking, onBack }: Props) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const place = usePlaceOrder(session.id);
  const vouchers = useVouchers(true);
  const [code, setCode] = useState('');
  const chosen = vouchers.data?.find((v) => v.code.toLowerCase() === code.toLowerCase());
  const discount = (chosen && estimateDiscount(chosen, session.total)) ?? 0;
  const problem = place.error;
  const voucherProblem =
    problem instanceof ApiError && problem.field === 'voucher_code' ? errorText(problem) : null;
  const waiting = session.exceptions.some((e) => e.status === 'open');
  const blocked = session.items.length === 0 || (session.status === 'active' && waiting);

  return (
    <section className="phone-checkout" data-testid="phone-review" aria-labelledby="review-title">
      <div className="phone-step-head">
        {onBack && (
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            data-testid="phone-review-back"
            onClick={onBack}
          >
            {t('phoneCheckout.backToCart')}
          </button>
        )}
        <h1 id="review-title" className="phone-title">
          {t('phoneCheckout.reviewTitle')}
        </h1>
        <p className="muted small">{t('phoneCheckout.reviewIntro', { cart: session.cart_code })}</p>
      </div>

      <div className="phone-card">
        <PhoneOrderLines
          lines={session.items.map((i) => ({
            name: i.name,
            quantity: i.quantity,
            lineTotal: i.subtotal,
          }))}
          subtotal={session.total}
          discount={discount}
          total={session.total - discount}
          estimated
          voucherCode={chosen?.code}
        />
      </div>

      <div className="phone-card">
        <PhoneVoucherPicker
          subtotal={session.total}
          value={code}
          onChange={setCode}
          error={voucherProblem}
          disabled={place.isPending}
        />
      </div>

      <div className="phone-bar">
        {problem && !voucherProblem && (
          <p className="notice notice-error small" role="alert">
            {errorText(problem)}
          </p>
        )}
        {waiting && session.status === 'active' && (
          <p className="muted small">{t('phone.checkoutBlocked')}</p>
        )}
        <button
          type="button"
          className="btn btn-primary btn-lg btn-block"
          data-testid="phone-place-order"
          disabled={blocked || checking || place.isPending}
          onClick={() => place.mutate(code || undefined)}
        >
          {place.isPending ? t('phoneCheckout.placing') : t('phoneCheckout.placeOrder')}
        </button>
        <p className="muted small">{t('phoneCheckout.placeHint')}</p>
      </div>
    </section>
  );
}

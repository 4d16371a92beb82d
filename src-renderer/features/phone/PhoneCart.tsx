import { useState } from 'react';
import type { SessionView } from '../../api/sessions.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { useToast } from '../../app/toast/toast.context.ts';
import { useErrorText } from '../../components/error-text.hook.ts';
import { LiveIndicator } from '../../components/LiveIndicator.tsx';
import { useRemoveOne } from './phone-cart.query.ts';
import { usePhoneLive } from './phone-live.hook.ts';
import { PhoneCheckout } from './PhoneCheckout.tsx';
import { PhoneCheckoutBar } from './PhoneCheckoutBar.tsx';
import { PhoneEnded } from './PhoneEnded.tsx';
import { PhoneExceptionNotice } from './PhoneExceptionNotice.tsx';
import { PhoneItem } from './PhoneItem.tsx';
import { PhonePaid } from './PhonePaid.tsx';

interface Props {
  token: string;
  session: SessionView;
}

interface PaidOrder {
  order_number: string;
  total: number;
}

/** The shopper's cart, live: what the cart scanned, the total, and checkout. */
export function PhoneCart({ token, session }: Props) {
  const { t } = useI18n();
  const toast = useToast();
  const errorText = useErrorText();
  const [reviewing, setReviewing] = useState(false);
  // The session ends as soon as its order is paid; the event is what says which order it was.
  const [paid, setPaid] = useState<PaidOrder | null>(null);
  const live = usePhoneLive(token, session.id, (event) => {
    if (event.event === 'order_paid') setPaid(event.data as PaidOrder);
  });
  const removeOne = useRemoveOne(session.id);
  const shopping = session.status === 'active';
  const locked = session.status === 'checkout';

  if (paid) return <PhonePaid orderNumber={paid.order_number} total={paid.total} />;
  if (!shopping && !locked) return <PhoneEnded session={session} />;

  async function remove(variantId: number, name: string) {
    try {
      await removeOne.mutateAsync(variantId);
      // The scale must see it leave too, or staff are called to check.
      toast.show(t('phone.removedTakeOut', { name }), 'info');
    } catch (error) {
      toast.show(errorText(error), 'error');
    }
  }

  return (
    <section className="phone-cart" data-testid="phone-cart" aria-labelledby="cart-title">
      <div className="phone-cart-head">
        <div>
          <h1 id="cart-title" className="phone-title">
            {t('phone.cartTitle')}
          </h1>
          <span className="muted small" data-testid="phone-cart-code">
            {t('phone.cartCode', { cart: session.cart_code })}
          </span>
        </div>
        <LiveIndicator status={live} />
      </div>

      {locked || reviewing ? (
        <PhoneCheckout session={session} reviewing={reviewing} onBack={() => setReviewing(false)} />
      ) : (
        <>
          <PhoneExceptionNotice
            exceptions={session.exceptions.filter((e) => e.status === 'open')}
          />
          {session.items.length === 0 ? (
            <div className="phone-empty" data-testid="phone-empty">
              <strong>{t('phone.emptyTitle')}</strong>
              <p className="muted small">{t('phone.emptyBody')}</p>
            </div>
          ) : (
            <ul className="phone-items" aria-label={t('carts.items')}>
              {session.items.map((item) => (
                <PhoneItem
                  key={item.variant_id}
                  item={item}
                  busy={removeOne.isPending}
                  onRemoveOne={() => void remove(item.variant_id, item.name)}
                />
              ))}
            </ul>
          )}
          <PhoneCheckoutBar session={session} onCheckout={() => setReviewing(true)} />
        </>
      )}
    </section>
  );
}

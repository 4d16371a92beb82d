import { useState } from 'react';
import type { MyOrder } from '../../api/my-orders.api.ts';
import type { PaymentView } from '../../api/payments.api.ts';
import type { SessionView } from '../../api/sessions.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { useErrorText } from '../../components/error-text.hook.ts';
import { LiveIndicator } from '../../components/LiveIndicator.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useCartsLive } from '../carts/carts-live.hook.ts';
import { useCheckoutQueue, useFindOrder, useSessionOrder } from './counter.query.ts';
import { CounterFind } from './CounterFind.tsx';
import { CounterOrder } from './CounterOrder.tsx';
import { CounterPaid } from './CounterPaid.tsx';
import { CounterQueue } from './CounterQueue.tsx';

interface Selected {
  order: MyOrder;
  sessionId?: string;
  customer?: string;
  cartCode?: string;
}

/**
 * The till (Thu ngân): carts that have been checked out wait here, live; the cashier opens
 * one (or finds an order by its number), takes the cash and reads out the change.
 */
export function CounterPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const live = useCartsLive();
  const sessions = useCheckoutQueue();
  const openOrder = useSessionOrder();
  const findOrder = useFindOrder();
  const [selected, setSelected] = useState<Selected | null>(null);
  const [paid, setPaid] = useState<PaymentView | null>(null);

  function show(next: Selected) {
    setPaid(null);
    setSelected(next);
  }

  async function openSession(session: SessionView) {
    findOrder.reset();
    try {
      const order = await openOrder.mutateAsync(session.id);
      show({
        order,
        sessionId: session.id,
        customer: session.customer_name,
        cartCode: session.cart_code,
      });
    } catch {
      // Shown from the mutation's error.
    }
  }

  async function find(ref: string) {
    openOrder.reset();
    try {
      show({ order: await findOrder.mutateAsync(ref) });
    } catch {
      // Shown from the mutation's error.
    }
  }

  const problem = openOrder.error ?? findOrder.error;

  return (
    <section className="page page-wide" data-testid="counter-page" aria-labelledby="page-title">
      <div className="page-header">
        <div className="page-heading">
          <h1 id="page-title">{t('counter.title')}</h1>
          <span className="muted">{t('counter.intro')}</span>
        </div>
        <LiveIndicator status={live.status} />
      </div>

      <div className="counter-layout">
        <div className="panel counter-side">
          <CounterFind busy={findOrder.isPending} onFind={(ref) => void find(ref)} />
          <h2 className="section-title">{t('counter.queueTitle')}</h2>
          {sessions.isError && !sessions.queue ? (
            <LoadError
              title={t('counter.queueFailed')}
              error={sessions.error}
              onRetry={() => void sessions.refetch()}
            />
          ) : !sessions.queue ? (
            <p className="muted" role="status">
              {t('common.loading')}
            </p>
          ) : (
            <CounterQueue
              queue={sessions.queue}
              selected={selected?.sessionId ?? null}
              busy={openOrder.isPending ? (openOrder.variables ?? null) : null}
              onOpen={(session) => void openSession(session)}
            />
          )}
        </div>

        <div className="counter-main">
          {problem && (
            <p className="notice notice-error" role="alert" data-testid="counter-error">
              {errorText(problem)}
            </p>
          )}
          {paid ? (
            <CounterPaid
              payment={paid}
              onNext={() => {
                setPaid(null);
                setSelected(null);
              }}
            />
          ) : selected ? (
            <CounterOrder
              key={selected.order.id}
              order={selected.order}
              customer={selected.customer}
              cartCode={selected.cartCode}
              onPaid={setPaid}
            />
          ) : (
            <div className="panel empty-state" data-testid="counter-idle">
              <p className="cell-title">{t('counter.idle')}</p>
              <p className="muted">{t('counter.idleHint')}</p>
            </div>
          )}
        </div>
      </div>
    </section>
  );
}

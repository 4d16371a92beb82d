import { useEffect, useRef } from 'react';
import type { OrderDetail, OrderRow } from '../../api/orders.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { formatDateTime } from '../../components/date-time.format.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { OrderCustomerCard } from './OrderCustomerCard.tsx';
import { OrderHistory } from './OrderHistory.tsx';
import { OrderItemsTable } from './OrderItemsTable.tsx';
import { canPrepareRental, isRequestStatus, KIND_LABELS } from './order-status.ts';
import { OrderStatusActions } from './OrderStatusActions.tsx';
import { OrderStatusBadge } from './OrderStatusBadge.tsx';
import { useOrderDetail } from './orders.query.ts';
import { RentalPreparationForm } from './RentalPreparationForm.tsx';
import { RequestReviewForm } from './RequestReviewForm.tsx';

interface Props {
  /** The list row it was opened from: its number and customer show while the detail loads. */
  row: OrderRow;
  onClose(): void;
}

/** One order: what was bought, by whom, what staff can do next, and what happened so far. */
export function OrderDetailPanel({ row, onClose }: Props) {
  const { t, locale } = useI18n();
  const detail = useOrderDetail({ id: row.db_id, kind: row.type });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const order = detail.data;

  // Opening an order takes the keyboard to it, so Tab continues into its actions.
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <aside
      className="panel order-detail"
      data-testid="order-detail"
      aria-labelledby="order-detail-title"
      onKeyDown={(e) => {
        // Escape closes the panel, except where it already means something: leaving a field
        // being typed in, or dismissing a confirmation drawn inside the panel.
        const target = e.target as HTMLElement;
        if (e.key === 'Escape' && !target.closest('input, textarea, select, dialog')) onClose();
      }}
    >
      <div className="order-detail-header">
        <div>
          <h2 id="order-detail-title" className="panel-title" ref={headingRef} tabIndex={-1}>
            {t('orders.detailTitle', { number: row.id })}
          </h2>
          <div className="muted small">
            {t(KIND_LABELS[row.type])} · {formatDateTime(row.created_at, locale)}
          </div>
        </div>
        <div className="order-detail-status">
          <OrderStatusBadge status={order?.status ?? row.status} testId="order-detail-status" />
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            data-testid="order-detail-close"
            aria-label={t('common.close')}
            onClick={onClose}
          >
            ×
          </button>
        </div>
      </div>

      {order ? (
        <OrderBody order={order} row={row} />
      ) : detail.isError ? (
        <LoadError
          title={t('orders.loadOneFailed')}
          error={detail.error}
          onRetry={() => void detail.refetch()}
        />
      ) : (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      )}
    </aside>
  );
}

function OrderBody({ order, row }: { order: OrderDetail; row: OrderRow }) {
  const { t } = useI18n();
  const ref = { id: order.db_id, kind: order.type };
  return (
    <>
      <OrderCustomerCard order={order} fallbackName={row.customer_name} />
      <OrderItemsTable order={order} />

      <section className="order-section" aria-labelledby="order-actions-title">
        <h3 id="order-actions-title" className="section-title">
          {t('orders.nextSteps')}
        </h3>
        {isRequestStatus(order.status) ? (
          <RequestReviewForm
            key={order.status}
            orderRef={ref}
            status={order.status}
            request={order.request}
          />
        ) : (
          <OrderStatusActions key={order.status} order={order} />
        )}
      </section>

      {canPrepareRental(order.type, order.status) && <RentalPreparationForm order={order} />}

      <OrderHistory history={order.history ?? []} />
    </>
  );
}

import { useState } from 'react';
import type { OrderFilter, OrderRow } from '../../api/orders.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { OrderDetailPanel } from './OrderDetailPanel.tsx';
import { OrderList } from './OrderList.tsx';

/** The order list with its filters, and beside it the order picked from it. */
export function OrdersPage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<OrderFilter>('all');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<OrderRow | null>(null);

  return (
    <section className="page page-wide" data-testid="orders-page" aria-labelledby="page-title">
      <div className="page-header">
        <h1 id="page-title">{t('orders.title')}</h1>
      </div>
      <div className="orders-layout">
        <OrderList
          filter={filter}
          search={search}
          page={page}
          selected={selected}
          onFilter={(next) => {
            setFilter(next);
            setPage(1);
          }}
          onSearch={(text) => {
            setSearch(text);
            setPage(1);
          }}
          onPage={setPage}
          onSelect={setSelected}
        />
        {selected ? (
          <OrderDetailPanel
            key={`${selected.type}-${selected.db_id}`}
            row={selected}
            onClose={() => setSelected(null)}
          />
        ) : (
          <div className="panel empty-state muted" data-testid="order-pick-hint">
            {t('orders.pickHint')}
          </div>
        )}
      </div>
    </section>
  );
}

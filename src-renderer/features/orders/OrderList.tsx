import { useId } from 'react';
import { ORDER_FILTERS, type OrderFilter, type OrderRow } from '../../api/orders.api.ts';
import { useI18n, type MessageKey } from '../../app/i18n/i18n.context.ts';
import { formatDateTime } from '../../components/date-time.format.ts';
import { useDebouncedValue } from '../../components/debounced-value.hook.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { Pager } from '../../components/Pager.tsx';
import { formatDong } from '../products/money.format.ts';
import { KIND_LABELS } from './order-status.ts';
import { OrderStatusBadge } from './OrderStatusBadge.tsx';
import { useOrderList } from './orders.query.ts';

const PAGE_SIZE = 10;
const SEARCH_DELAY_MS = 300;

const FILTER_LABELS: Record<OrderFilter, MessageKey> = {
  all: 'orders.filter.all',
  sale: 'orders.filter.sale',
  rental: 'orders.filter.rental',
};

interface Props {
  filter: OrderFilter;
  search: string;
  page: number;
  selected: OrderRow | null;
  onFilter(filter: OrderFilter): void;
  onSearch(text: string): void;
  onPage(page: number): void;
  onSelect(order: OrderRow): void;
}

export function OrderList(props: Props) {
  const { filter, search, page, selected, onFilter, onSearch, onPage, onSelect } = props;
  const { t, locale } = useI18n();
  const searchId = useId();
  const term = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const orders = useOrderList({ type: filter, page, limit: PAGE_SIZE, search: term || undefined });
  const data = orders.data;
  const isSelected = (o: OrderRow) => selected?.db_id === o.db_id && selected.type === o.type;

  return (
    <div className="orders-list">
      <div className="toolbar">
        <div className="segmented" role="group" aria-label={t('orders.filter.label')}>
          {ORDER_FILTERS.map((value) => (
            <button
              key={value}
              type="button"
              className="segmented-option"
              data-testid={`order-filter-${value}`}
              aria-pressed={filter === value}
              onClick={() => onFilter(value)}
            >
              {t(FILTER_LABELS[value])}
            </button>
          ))}
        </div>
        <label htmlFor={searchId} className="visually-hidden">
          {t('orders.search')}
        </label>
        <input
          id={searchId}
          type="search"
          className="search-input"
          data-testid="order-search"
          placeholder={t('orders.searchPlaceholder')}
          autoComplete="off"
          value={search}
          onChange={(e) => onSearch(e.target.value)}
        />
        {orders.isFetching && (
          <span className="muted small" role="status">
            {t('common.loading')}
          </span>
        )}
      </div>

      {orders.isError && !data ? (
        <LoadError
          title={t('orders.loadFailed')}
          error={orders.error}
          onRetry={() => void orders.refetch()}
        />
      ) : (
        <div className="panel panel-flush">
          {!data ? (
            <p className="empty-state muted">{t('common.loading')}</p>
          ) : data.items.length === 0 ? (
            <p className="empty-state muted" data-testid="orders-empty">
              {term ? t('orders.noMatch', { term }) : t('orders.empty')}
            </p>
          ) : (
            <div className="table-scroll">
              <table className="data-table" aria-busy={orders.isFetching}>
                <thead>
                  <tr>
                    <th scope="col">{t('orders.col.number')}</th>
                    <th scope="col">{t('orders.col.customer')}</th>
                    <th scope="col">{t('orders.col.createdAt')}</th>
                    <th scope="col">{t('orders.col.status')}</th>
                    <th scope="col" className="num">
                      {t('orders.col.total')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((order) => (
                    <tr
                      key={`${order.type}-${order.db_id}`}
                      data-testid="order-row"
                      data-order-id={order.db_id}
                      className={isSelected(order) ? 'is-selected' : undefined}
                    >
                      <td>
                        {/* The number is the row's button: one Tab stop per order, Enter opens it. */}
                        <button
                          type="button"
                          className="btn btn-link order-open"
                          data-testid="order-open"
                          aria-label={t('orders.openNamed', { number: order.id })}
                          aria-current={isSelected(order) || undefined}
                          onClick={() => onSelect(order)}
                        >
                          {order.id}
                        </button>
                        <div className="muted small">{t(KIND_LABELS[order.type])}</div>
                      </td>
                      <td data-testid="order-customer">{order.customer_name || '—'}</td>
                      <td className="small">{formatDateTime(order.created_at, locale)}</td>
                      <td>
                        <OrderStatusBadge status={order.status} testId="order-status" />
                      </td>
                      <td className="num" data-testid="order-total">
                        {formatDong(order.total_amount)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {data && data.items.length > 0 && (
            <Pager pagination={data.pagination} onPage={onPage} busy={orders.isFetching} />
          )}
        </div>
      )}
    </div>
  );
}

import { useState } from 'react';
import { REVIEW_FILTERS, type ReviewFilter } from '../../api/reviews.api.ts';
import { useI18n, type MessageKey } from '../../app/i18n/i18n.context.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { Pager } from '../../components/Pager.tsx';
import type { PickedProduct } from './ProductPicker.tsx';
import { ReviewRow } from './ReviewRow.tsx';
import { useProductReviews } from './reviews.query.ts';
import { ReviewSummary } from './ReviewSummary.tsx';

const PAGE_SIZE = 5;

const FILTER_LABELS: Record<ReviewFilter, MessageKey> = {
  all: 'reviews.filter.all',
  highest: 'reviews.filter.highest',
  lowest: 'reviews.filter.lowest',
  unanswered: 'reviews.filter.unanswered',
};

/** One product's rating summary and its reviews, a page at a time. */
export function ProductReviews({ product }: { product: PickedProduct }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<ReviewFilter>('all');
  const [page, setPage] = useState(1);
  const reviews = useProductReviews(product.id, { page, limit: PAGE_SIZE, filter });
  const data = reviews.data;

  if (reviews.isError && !data) {
    return (
      <LoadError
        title={t('reviews.loadFailed')}
        error={reviews.error}
        onRetry={() => void reviews.refetch()}
      />
    );
  }

  return (
    <div className="reviews-main" data-testid="product-reviews">
      <div className="panel">
        <h2 className="reviews-product" data-testid="reviews-product-name">
          {data?.summary.product_name ?? product.name}
        </h2>
        {data ? (
          <ReviewSummary summary={data.summary} />
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )}
      </div>

      <div className="segmented" role="group" aria-label={t('reviews.filter.label')}>
        {REVIEW_FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            className="segmented-option"
            data-testid={`review-filter-${f}`}
            aria-pressed={f === filter}
            onClick={() => {
              setFilter(f);
              setPage(1);
            }}
          >
            {t(FILTER_LABELS[f])}
          </button>
        ))}
      </div>

      {data && data.reviews.length === 0 ? (
        <p className="panel empty-state muted" data-testid="reviews-empty">
          {t(filter === 'unanswered' ? 'reviews.noneUnanswered' : 'reviews.none')}
        </p>
      ) : (
        <ul className="review-list" aria-busy={reviews.isFetching}>
          {data?.reviews.map((review) => (
            <ReviewRow key={review.id} review={review} />
          ))}
        </ul>
      )}

      {data && data.pagination.total_items > 0 && (
        <div className="panel panel-flush">
          <Pager pagination={data.pagination} onPage={setPage} busy={reviews.isFetching} />
        </div>
      )}
    </div>
  );
}

import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { ProductPicker, type PickedProduct } from './ProductPicker.tsx';
import { ProductReviews } from './ProductReviews.tsx';

export function ReviewsPage() {
  const { t } = useI18n();
  const [product, setProduct] = useState<PickedProduct | null>(null);

  return (
    <section className="page page-wide" data-testid="reviews-page" aria-labelledby="page-title">
      <div className="page-header">
        <h1 id="page-title">{t('reviews.title')}</h1>
      </div>
      <div className="reviews-layout">
        <ProductPicker selectedId={product?.id ?? null} onPick={setProduct} />
        {product ? (
          <ProductReviews key={product.id} product={product} />
        ) : (
          <div className="panel empty-state muted" data-testid="reviews-pick-hint">
            {t('reviews.pickHint')}
          </div>
        )}
      </div>
    </section>
  );
}

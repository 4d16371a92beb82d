import type { ReviewSummary as Summary, StarKey } from '../../api/reviews.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { StarRating } from '../../components/StarRating.tsx';

const STARS: readonly { stars: number; key: StarKey }[] = [
  { stars: 5, key: 'star_5' },
  { stars: 4, key: 'star_4' },
  { stars: 3, key: 'star_3' },
  { stars: 2, key: 'star_2' },
  { stars: 1, key: 'star_1' },
];

/** The average, the count, and how the stars are spread, as bars. */
export function ReviewSummary({ summary }: { summary: Summary }) {
  const { t, locale } = useI18n();
  const total = summary.total_reviews;
  const average = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(summary.average_rating);

  return (
    <div className="review-summary" data-testid="review-summary">
      <div className="review-average">
        <span className="review-average-value" data-testid="review-average">
          {average}
        </span>
        <StarRating value={summary.average_rating} />
        <span className="muted small" data-testid="review-total">
          {t('reviews.total', { n: total })}
        </span>
      </div>
      <dl className="star-bars">
        {STARS.map(({ stars, key }) => {
          const count = summary.rating_distribution[key] ?? 0;
          const share = total === 0 ? 0 : (count / total) * 100;
          return (
            <div key={key} className="star-bar" data-testid={`review-bar-${stars}`}>
              <dt>{t('reviews.starsN', { n: stars })}</dt>
              <dd>
                <span className="bar" aria-hidden="true">
                  <span className="bar-fill" style={{ width: `${share}%` }} />
                </span>
                <span className="bar-count">{count}</span>
              </dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}

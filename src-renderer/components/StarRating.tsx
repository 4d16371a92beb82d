import { useI18n } from '../app/i18n/i18n.context.ts';

/** Five stars, `value` of them filled (rounded); read out as "4 of 5 stars". */
export function StarRating({ value }: { value: number }) {
  const { t } = useI18n();
  const filled = Math.max(0, Math.min(5, Math.round(value)));
  return (
    <span className="stars" role="img" aria-label={t('stars.label', { n: value })}>
      <span className="stars-on" aria-hidden="true">
        {'★'.repeat(filled)}
      </span>
      <span className="stars-off" aria-hidden="true">
        {'★'.repeat(5 - filled)}
      </span>
    </span>
  );
}

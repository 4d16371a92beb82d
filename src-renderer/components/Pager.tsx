import type { Pagination } from '../api/envelope.types.ts';
import { useI18n } from '../app/i18n/i18n.context.ts';

interface Props {
  pagination: Pagination;
  onPage(page: number): void;
  /** Disables the buttons while the next page loads. */
  busy?: boolean;
}

export function Pager({ pagination, onPage, busy }: Props) {
  const { t } = useI18n();
  const { current_page: page, total_items: total } = pagination;
  const pages = Math.max(1, pagination.total_pages);

  return (
    <nav className="pager" aria-label={t('pager.label')}>
      <span className="muted small" data-testid="pager-info">
        {t('pager.summary', { page, pages, total })}
      </span>
      <div className="pager-buttons">
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="pager-prev"
          disabled={busy || page <= 1}
          onClick={() => onPage(page - 1)}
        >
          {t('pager.previous')}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="pager-next"
          disabled={busy || page >= pages}
          onClick={() => onPage(page + 1)}
        >
          {t('pager.next')}
        </button>
      </div>
    </nav>
  );
}

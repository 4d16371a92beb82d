import { parseVietnamTime } from '#shared/text/vietnam-time';
import type { Promotion } from '../../api/promotions.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { formatDateTime } from '../../components/date-time.format.ts';
import { formatDong } from '../products/money.format.ts';
import { formatDiscount, promotionState, SCOPE_LABELS, STATE_BADGES } from './promotion.format.ts';

/** Seed 002 dates are Vietnam time without a zone; formatDateTime wants an instant. */
const asInstant = (date: string) => new Date(parseVietnamTime(date)).toISOString();

interface Props {
  promotion: Promotion;
  now: number;
  onEdit(): void;
  onDelete(): void;
}

export function PromotionRow({ promotion: p, now, onEdit, onDelete }: Props) {
  const { t, locale } = useI18n();
  const state = STATE_BADGES[promotionState(p, now)];
  const scope = SCOPE_LABELS[p.scope];

  return (
    <tr data-testid="promotion-row" data-promotion-id={p.id}>
      <td>
        <div className="cell-title" data-testid="promotion-name-cell">
          {p.name}
        </div>
        <code className="sku" data-testid="promotion-code">
          {p.code}
        </code>
      </td>
      <td>{scope ? t(scope) : p.scope}</td>
      <td className="num" data-testid="promotion-discount">
        {formatDiscount(p)}
      </td>
      <td className="num">{formatDong(p.min_order_amount)}</td>
      <td className="small">
        {formatDateTime(asInstant(p.start_date), locale)} –{' '}
        {formatDateTime(asInstant(p.end_date), locale)}
      </td>
      <td className="num" data-testid="promotion-usage">
        {p.quantity === null ? p.used_count : `${p.used_count} / ${p.quantity}`}
      </td>
      <td>
        <span className={`badge badge-${state.tone}`} data-testid="promotion-state">
          {t(state.key)}
        </span>
      </td>
      <td className="row-actions">
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          data-testid="promotion-edit"
          aria-label={t('common.editNamed', { name: p.name })}
          onClick={onEdit}
        >
          {t('common.edit')}
        </button>
        <button
          type="button"
          className="btn btn-danger-ghost btn-sm"
          data-testid="promotion-delete"
          aria-label={t('common.deleteNamed', { name: p.name })}
          onClick={onDelete}
        >
          {t('common.delete')}
        </button>
      </td>
    </tr>
  );
}

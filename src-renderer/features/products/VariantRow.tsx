import { useI18n } from '../../app/i18n/i18n.context.ts';
import { isFieldInvalid } from '../../components/field-error.util.ts';
import type { VariantDraft } from './product-form.model.ts';
import { VARIANT_COLUMNS } from './variant-columns.config.ts';

interface Props {
  index: number;
  variant: VariantDraft;
  /** The error's field when it is about this row. */
  errorField: string | undefined;
  errorId: string;
  autoFocus: boolean;
  canRemove: boolean;
  onChange(patch: Partial<VariantDraft>): void;
  onRemove(): void;
}

export function VariantRow(props: Props) {
  const { index, variant, errorField, errorId, autoFocus, canRemove, onChange, onRemove } = props;
  const { t } = useI18n();
  const n = index + 1;

  return (
    <tr data-testid="variant-row">
      <th scope="row" className="col-index muted">
        {n}
      </th>
      {VARIANT_COLUMNS.map((column) => {
        const path = `variants.${index}.${column.field}`;
        const invalid = isFieldInvalid(errorField, path);
        const common = {
          'data-testid': column.testId,
          'data-field': path,
          'aria-label': t('variants.cellLabel', { column: t(column.label), n }),
          'aria-invalid': invalid || undefined,
          'aria-describedby': invalid ? errorId : undefined,
        };
        return (
          <td key={column.key} className={column.className}>
            {column.kind === 'check' ? (
              <input
                type="checkbox"
                {...common}
                checked={variant[column.key]}
                onChange={(e) => onChange({ [column.key]: e.target.checked })}
              />
            ) : (
              <input
                className="cell-input"
                {...common}
                inputMode={column.numeric ? 'numeric' : undefined}
                autoComplete="off"
                autoFocus={autoFocus && column.key === 'sku'}
                disabled={column.rentOnly && !variant.isRentable}
                value={variant[column.key]}
                onChange={(e) => onChange({ [column.key]: e.target.value })}
              />
            )}
          </td>
        );
      })}
      <td className="col-remove">
        <button
          type="button"
          className="btn btn-danger-ghost btn-icon"
          data-testid="variant-remove"
          aria-label={t('variants.remove', { n })}
          title={t('variants.remove', { n })}
          disabled={!canRemove}
          onClick={onRemove}
        >
          ×
        </button>
      </td>
    </tr>
  );
}

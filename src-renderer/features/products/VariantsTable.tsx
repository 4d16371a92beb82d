import { useRef } from 'react';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { isFieldInvalid } from '../../components/field-error.util.ts';
import type { VariantDraft } from './product-form.model.ts';
import { VARIANT_COLUMNS } from './variant-columns.config.ts';
import { VariantRow } from './VariantRow.tsx';

interface Props {
  variants: VariantDraft[];
  errorField: string | undefined;
  errorId: string;
  /** The row just added, whose SKU input takes the focus. */
  focusKey: string | null;
  onChange(index: number, patch: Partial<VariantDraft>): void;
  onAdd(): void;
  onRemove(index: number): void;
}

export function VariantsTable(props: Props) {
  const { variants, errorField, errorId, focusKey, onChange, onAdd, onRemove } = props;
  const { t } = useI18n();
  const addRef = useRef<HTMLButtonElement>(null);
  const wholeTableInvalid = errorField === 'variants';

  return (
    <fieldset
      className="panel fieldset variants-panel"
      data-field="variants"
      tabIndex={wholeTableInvalid ? -1 : undefined}
      aria-invalid={wholeTableInvalid || undefined}
    >
      <legend className="panel-title">{t('variants.title')}</legend>
      <p className="field-hint">{t('variants.hint')}</p>
      <div className="table-scroll">
        <table className="data-table variants-table">
          <thead>
            <tr>
              <th scope="col" className="col-index">
                #
              </th>
              {VARIANT_COLUMNS.map((column) => (
                <th key={column.key} scope="col" className={column.className}>
                  {t(column.label)}
                </th>
              ))}
              <th scope="col" className="col-remove">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {variants.map((variant, index) => (
              <VariantRow
                key={variant.key}
                index={index}
                variant={variant}
                errorField={
                  isFieldInvalid(errorField, `variants.${index}`) ? errorField : undefined
                }
                errorId={errorId}
                autoFocus={variant.key === focusKey}
                canRemove={variants.length > 1}
                onChange={(patch) => onChange(index, patch)}
                onRemove={() => {
                  onRemove(index);
                  addRef.current?.focus();
                }}
              />
            ))}
          </tbody>
        </table>
      </div>
      <button
        ref={addRef}
        type="button"
        className="btn btn-secondary"
        data-testid="variant-add"
        onClick={onAdd}
      >
        + {t('variants.add')}
      </button>
    </fieldset>
  );
}

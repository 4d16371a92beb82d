import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Promotion } from '../../api/promotions.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { useToast } from '../../app/toast/toast.context.ts';
import { focusField, isFieldInvalid } from '../../components/field-error.util.ts';
import { FormError } from '../../components/FormError.tsx';
import {
  problemFromError,
  useProblemText,
  type FormProblem,
} from '../../components/form-problem.hook.ts';
import {
  checkDraft,
  draftFromPromotion,
  emptyDraft,
  type DiscountType,
  type PromotionDraft,
  type PromotionScope,
} from './promotion-form.model.ts';
import { PromotionTargets } from './PromotionTargets.tsx';
import { useSavePromotion } from './promotions.query.ts';

interface Props {
  /** The promotion being edited; null for a new one. */
  promotion: Promotion | null;
  onDone(): void;
}

export function PromotionForm({ promotion, onDone }: Props) {
  const { t } = useI18n();
  const toast = useToast();
  const problemText = useProblemText();
  const save = useSavePromotion(promotion?.id ?? null);
  const [draft, setDraft] = useState<PromotionDraft>(() =>
    promotion ? draftFromPromotion(promotion) : emptyDraft(Date.now()),
  );
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const uid = useId();
  const idOf = (name: string) => `${uid}-${name}`;
  const errorId = idOf('error');

  // Take the keyboard to what needs fixing.
  useEffect(() => focusField(formRef.current, problem?.field), [problem]);

  const set = <K extends keyof PromotionDraft>(key: K, value: PromotionDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const check = checkDraft(draft);
    if (!check.ok) {
      setProblem({ field: check.field, key: check.key });
      return;
    }
    setProblem(null);
    try {
      await save.mutateAsync(check.body);
      const { code } = check.body;
      toast.show(t(promotion ? 'promotionForm.updated' : 'promotionForm.created', { code }));
      onDone();
    } catch (error) {
      setProblem(problemFromError(error));
    }
  }

  const invalid = (name: string) => ({
    'aria-invalid': isFieldInvalid(problem?.field, name) || undefined,
    'aria-describedby': isFieldInvalid(problem?.field, name) ? errorId : undefined,
    'data-field': name,
  });
  const percent = draft.discountType === 'percentage';

  return (
    <form
      ref={formRef}
      className="product-form"
      data-testid="promotion-form"
      onSubmit={handleSubmit}
      noValidate
    >
      <fieldset className="panel fieldset">
        <legend className="panel-title">{t('promotionForm.general')}</legend>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={idOf('name')}>{t('promotionForm.name')}</label>
            <input
              id={idOf('name')}
              data-testid="promotion-name"
              maxLength={120}
              autoFocus
              autoComplete="off"
              value={draft.name}
              onChange={(e) => set('name', e.target.value)}
              {...invalid('name')}
            />
          </div>
          <div className="field">
            <label htmlFor={idOf('code')}>{t('promotionForm.code')}</label>
            <input
              id={idOf('code')}
              data-testid="promotion-code-input"
              className="input-code"
              maxLength={40}
              autoComplete="off"
              spellCheck={false}
              placeholder="SUMMER2026"
              value={draft.code}
              onChange={(e) => set('code', e.target.value.toUpperCase())}
              {...invalid('code')}
            />
            <span className="field-hint">{t('promotionForm.codeHint')}</span>
          </div>
          <div className="field">
            <label htmlFor={idOf('scope')}>{t('promotionForm.scope')}</label>
            <select
              id={idOf('scope')}
              data-testid="promotion-scope"
              value={draft.scope}
              onChange={(e) => set('scope', e.target.value as PromotionScope)}
              {...invalid('scope')}
            >
              <option value="all">{t('promotions.scope.all')}</option>
              <option value="buy">{t('promotions.scope.buy')}</option>
              <option value="rent">{t('promotions.scope.rent')}</option>
            </select>
          </div>
          <div className="field field-check">
            <input
              id={idOf('active')}
              type="checkbox"
              data-testid="promotion-active"
              checked={draft.active}
              onChange={(e) => set('active', e.target.checked)}
            />
            <label htmlFor={idOf('active')}>{t('promotionForm.active')}</label>
          </div>
        </div>
      </fieldset>

      <fieldset className="panel fieldset">
        <legend className="panel-title">{t('promotionForm.discount')}</legend>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={idOf('type')}>{t('promotionForm.discountType')}</label>
            <select
              id={idOf('type')}
              data-testid="promotion-discount-type"
              value={draft.discountType}
              onChange={(e) => set('discountType', e.target.value as DiscountType)}
              {...invalid('discount_config.type')}
            >
              <option value="percentage">{t('promotionForm.type.percentage')}</option>
              <option value="amount">{t('promotionForm.type.amount')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={idOf('value')}>
              {percent ? t('promotionForm.valuePercent') : t('promotionForm.valueAmount')}
            </label>
            <input
              id={idOf('value')}
              data-testid="promotion-discount-value"
              inputMode="numeric"
              autoComplete="off"
              value={draft.discountValue}
              onChange={(e) => set('discountValue', e.target.value)}
              {...invalid('discount_config.value')}
            />
          </div>
          <div className="field">
            <label htmlFor={idOf('min')}>{t('promotionForm.minOrder')}</label>
            <input
              id={idOf('min')}
              data-testid="promotion-min-order"
              inputMode="numeric"
              autoComplete="off"
              value={draft.minOrderAmount}
              onChange={(e) => set('minOrderAmount', e.target.value)}
              {...invalid('min_order_amount')}
            />
          </div>
          <div className="field">
            <label htmlFor={idOf('quantity')}>{t('promotionForm.quantity')}</label>
            <input
              id={idOf('quantity')}
              data-testid="promotion-quantity"
              inputMode="numeric"
              autoComplete="off"
              placeholder={t('promotionForm.quantityPlaceholder')}
              value={draft.quantity}
              onChange={(e) => set('quantity', e.target.value)}
              {...invalid('quantity')}
            />
            {promotion && (
              <span className="field-hint">
                {t('promotionForm.usedSoFar', { n: promotion.used_count })}
              </span>
            )}
          </div>
          <div className="field">
            <label htmlFor={idOf('start')}>{t('promotionForm.start')}</label>
            <input
              id={idOf('start')}
              type="datetime-local"
              data-testid="promotion-start"
              value={draft.startDate}
              onChange={(e) => set('startDate', e.target.value)}
              {...invalid('start_date')}
            />
          </div>
          <div className="field">
            <label htmlFor={idOf('end')}>{t('promotionForm.end')}</label>
            <input
              id={idOf('end')}
              type="datetime-local"
              data-testid="promotion-end"
              value={draft.endDate}
              onChange={(e) => set('endDate', e.target.value)}
              {...invalid('end_date')}
            />
          </div>
          <p className="field-hint field-wide">{t('promotionForm.timeZoneHint')}</p>
        </div>
      </fieldset>

      <PromotionTargets
        ranks={draft.targetRanks}
        categoryIds={draft.categoryIds}
        productIds={draft.productIds}
        onRanks={(value) => set('targetRanks', value)}
        onCategories={(ids) => set('categoryIds', ids)}
        onProducts={(ids) => set('productIds', ids)}
        invalid={invalid}
      />

      <div className="form-footer">
        <FormError id={errorId} text={problemText(problem)} />
        <div className="form-actions">
          <button
            type="submit"
            className="btn btn-primary"
            data-testid="promotion-save"
            disabled={save.isPending}
          >
            {save.isPending ? t('common.saving') : t('promotionForm.save')}
          </button>
          <button type="button" className="btn btn-secondary" onClick={onDone}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    </form>
  );
}

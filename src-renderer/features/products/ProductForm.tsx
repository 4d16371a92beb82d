import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ProductDetail } from '../../api/products.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { useToast } from '../../app/toast/toast.context.ts';
import { focusField, isFieldInvalid } from '../../components/field-error.util.ts';
import { FormError } from '../../components/FormError.tsx';
import {
  problemFromError,
  useProblemText,
  type FormProblem,
} from '../../components/form-problem.hook.ts';
import { useCategories } from '../categories/categories.query.ts';
import {
  checkDraft,
  draftFromDetail,
  emptyDraft,
  emptyVariant,
  type ProductDraft,
  type VariantDraft,
} from './product-form.model.ts';
import { useSaveProduct } from './products.query.ts';
import { VariantsTable } from './VariantsTable.tsx';

interface Props {
  /** The product being edited; null for a new one. */
  detail: ProductDetail | null;
  onDone(): void;
}

export function ProductForm({ detail, onDone }: Props) {
  const { t } = useI18n();
  const toast = useToast();
  const problemText = useProblemText();
  const categories = useCategories();
  const save = useSaveProduct(detail?.id ?? null);
  const [draft, setDraft] = useState<ProductDraft>(() =>
    detail ? draftFromDetail(detail) : emptyDraft(),
  );
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [addedKey, setAddedKey] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const uid = useId();
  const idOf = (name: string) => `${uid}-${name}`;
  const errorId = idOf('error');

  // Take the keyboard to what needs fixing.
  useEffect(() => focusField(formRef.current, problem?.field), [problem]);

  const set = <K extends keyof ProductDraft>(key: K, value: ProductDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const setVariant = (index: number, patch: Partial<VariantDraft>) =>
    setDraft((current) => ({
      ...current,
      variants: current.variants.map((v, i) => (i === index ? { ...v, ...patch } : v)),
    }));

  function addVariant() {
    const variant = emptyVariant();
    setAddedKey(variant.key);
    set('variants', [...draft.variants, variant]);
  }

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
      const name = check.body.name;
      toast.show(t(detail ? 'productForm.updated' : 'productForm.created', { name }));
      onDone();
    } catch (error) {
      setProblem(problemFromError(error));
    }
  }

  const field = problem?.field;
  const invalid = (name: string) => ({
    'aria-invalid': isFieldInvalid(field, name) || undefined,
    'aria-describedby': isFieldInvalid(field, name) ? errorId : undefined,
    'data-field': name,
  });

  return (
    <form
      ref={formRef}
      className="product-form"
      data-testid="product-form"
      onSubmit={handleSubmit}
      noValidate
    >
      <fieldset className="panel fieldset">
        <legend className="panel-title">{t('productForm.general')}</legend>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={idOf('name')}>{t('productForm.name')}</label>
            <input
              id={idOf('name')}
              data-testid="product-name"
              maxLength={200}
              autoFocus
              value={draft.name}
              onChange={(e) => set('name', e.target.value)}
              {...invalid('name')}
            />
          </div>
          <div className="field">
            <label htmlFor={idOf('category')}>{t('productForm.category')}</label>
            <select
              id={idOf('category')}
              data-testid="product-category"
              value={draft.categoryId}
              onChange={(e) => set('categoryId', e.target.value)}
              {...invalid('category_id')}
            >
              <option value="">
                {categories.isPending ? t('common.loading') : t('productForm.chooseCategory')}
              </option>
              {categories.data?.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field field-wide">
            <label htmlFor={idOf('description')}>{t('productForm.description')}</label>
            <textarea
              id={idOf('description')}
              data-testid="product-description"
              rows={3}
              maxLength={10_000}
              value={draft.description}
              onChange={(e) => set('description', e.target.value)}
              {...invalid('description')}
            />
          </div>
          <div className="field">
            <label htmlFor={idOf('tags')}>{t('productForm.tags')}</label>
            <input
              id={idOf('tags')}
              data-testid="product-tags"
              placeholder={t('productForm.tagsPlaceholder')}
              value={draft.tags}
              onChange={(e) => set('tags', e.target.value)}
              {...invalid('tags')}
            />
            <span className="field-hint">{t('productForm.tagsHint')}</span>
          </div>
          <div className="field field-check">
            <input
              id={idOf('hot')}
              type="checkbox"
              data-testid="product-hot"
              checked={draft.isHot}
              onChange={(e) => set('isHot', e.target.checked)}
            />
            <label htmlFor={idOf('hot')}>{t('productForm.isHot')}</label>
          </div>
          <div className="field field-wide">
            <label htmlFor={idOf('images')}>{t('productForm.images')}</label>
            <textarea
              id={idOf('images')}
              data-testid="product-images"
              rows={2}
              spellCheck={false}
              placeholder="/media/demo/…"
              value={draft.images}
              onChange={(e) => set('images', e.target.value)}
              {...invalid('images')}
            />
            <span className="field-hint">{t('productForm.imagesHint')}</span>
          </div>
        </div>
      </fieldset>

      <VariantsTable
        variants={draft.variants}
        errorField={field}
        errorId={errorId}
        focusKey={addedKey}
        onChange={setVariant}
        onAdd={addVariant}
        onRemove={(index) =>
          set(
            'variants',
            draft.variants.filter((_, i) => i !== index),
          )
        }
      />

      <div className="form-footer">
        <FormError id={errorId} text={problemText(problem)} />
        <div className="form-actions">
          <button
            type="submit"
            className="btn btn-primary"
            data-testid="product-save"
            disabled={save.isPending}
          >
            {save.isPending ? t('common.saving') : t('productForm.save')}
          </button>
          <button type="button" className="btn btn-secondary" onClick={onDone}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    </form>
  );
}

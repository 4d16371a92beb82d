import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { OrderDetail, OrderItem } from '../../api/orders.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { useToast } from '../../app/toast/toast.context.ts';
import { focusField, isFieldInvalid } from '../../components/field-error.util.ts';
import { FormError } from '../../components/FormError.tsx';
import { useProblemText, type FormProblem } from '../../components/form-problem.hook.ts';
import { problemFromOrderError } from './order-errors.ts';
import { usePrepareRentalItem } from './orders.query.ts';

/** The order line's id, under whichever name the server sends it. */
const lineIdOf = (item: OrderItem): number | undefined => item.order_item_id ?? item.id;

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

/**
 * Assigning the physical unit (its asset id) to a rental line before it goes out, with its
 * condition and photos as evidence for the return.
 */
export function RentalPreparationForm({ order }: { order: OrderDetail }) {
  const { t } = useI18n();
  const toast = useToast();
  const problemText = useProblemText();
  const prepare = usePrepareRentalItem(order.db_id);
  const items = order.items.filter((item) => lineIdOf(item) !== undefined);
  const [lineId, setLineId] = useState(() => String(items[0] ? lineIdOf(items[0]) : ''));
  const [asset, setAsset] = useState('');
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const uid = useId();
  const idOf = (name: string) => `${uid}-${name}`;
  const errorId = idOf('error');

  useEffect(() => focusField(formRef.current, problem?.field), [problem]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!lineId) return setProblem({ field: 'order_item_id', key: 'orders.prep.itemRequired' });
    if (!asset.trim()) {
      return setProblem({ field: 'inventory_asset_id', key: 'orders.prep.assetRequired' });
    }
    if (!description.trim()) {
      return setProblem({ field: 'description', key: 'orders.prep.descriptionRequired' });
    }
    setProblem(null);
    const evidence = lines(photos);
    try {
      await prepare.mutateAsync({
        order_item_id: Number(lineId),
        inventory_asset_id: asset.trim(),
        description: description.trim(),
        ...(evidence.length > 0 ? { evidence_photos: evidence } : {}),
      });
      toast.show(t('orders.prep.saved', { asset: asset.trim() }));
      setAsset('');
      setDescription('');
      setPhotos('');
    } catch (error) {
      setProblem(problemFromOrderError(error));
    }
  }

  const invalid = (name: string) => ({
    'aria-invalid': isFieldInvalid(problem?.field, name) || undefined,
    'aria-describedby': isFieldInvalid(problem?.field, name) ? errorId : undefined,
    'data-field': name,
  });

  return (
    <form
      ref={formRef}
      className="order-section order-prep"
      data-testid="rental-prep-form"
      aria-labelledby={idOf('title')}
      onSubmit={handleSubmit}
      noValidate
    >
      <h3 id={idOf('title')} className="section-title">
        {t('orders.prep.title')}
      </h3>
      {items.length === 0 ? (
        // A server that does not yet send line ids cannot be told which line was prepared.
        <p className="muted small" data-testid="rental-prep-unavailable">
          {t('orders.prep.noLineIds')}
        </p>
      ) : (
        <>
          <div className="field">
            <label htmlFor={idOf('item')}>{t('orders.prep.item')}</label>
            <select
              id={idOf('item')}
              data-testid="rental-prep-item"
              value={lineId}
              onChange={(e) => setLineId(e.target.value)}
              {...invalid('order_item_id')}
            >
              {items.map((item) => (
                <option key={lineIdOf(item)} value={lineIdOf(item)}>
                  {item.product_name} × {item.quantity}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={idOf('asset')}>{t('orders.prep.asset')}</label>
            <input
              id={idOf('asset')}
              data-testid="rental-prep-asset"
              maxLength={64}
              autoComplete="off"
              placeholder="ASSET-001"
              value={asset}
              onChange={(e) => setAsset(e.target.value)}
              {...invalid('inventory_asset_id')}
            />
          </div>
          <div className="field">
            <label htmlFor={idOf('description')}>{t('orders.prep.description')}</label>
            <textarea
              id={idOf('description')}
              data-testid="rental-prep-description"
              rows={2}
              maxLength={2000}
              placeholder={t('orders.prep.descriptionPlaceholder')}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              {...invalid('description')}
            />
          </div>
          <div className="field">
            <label htmlFor={idOf('photos')}>{t('orders.prep.photos')}</label>
            <textarea
              id={idOf('photos')}
              data-testid="rental-prep-photos"
              rows={2}
              spellCheck={false}
              placeholder="https://…"
              value={photos}
              onChange={(e) => setPhotos(e.target.value)}
              {...invalid('evidence_photos')}
            />
            <span className="field-hint">{t('orders.prep.photosHint')}</span>
          </div>
          <FormError id={errorId} text={problemText(problem)} />
          <div className="form-actions">
            <button
              type="submit"
              className="btn btn-primary"
              data-testid="rental-prep-save"
              disabled={prepare.isPending}
            >
              {prepare.isPending ? t('common.saving') : t('orders.prep.save')}
            </button>
          </div>
        </>
      )}
    </form>
  );
}

import { useId, useState } from 'react';
import type { OrderDetail } from '../../api/orders.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { useToast } from '../../app/toast/toast.context.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FormError } from '../../components/FormError.tsx';
import {
  problemFromError,
  useProblemText,
  type FormProblem,
} from '../../components/form-problem.hook.ts';
import { statusInfo, statusSteps, type StatusStep } from './order-status.ts';
import { useChangeOrderStatus } from './orders.query.ts';

/**
 * The buttons for the steps the server allows now (its `actions` flags), with an optional note
 * recorded in the history. Cancelling asks first: it cannot be undone and puts stock back.
 */
export function OrderStatusActions({ order }: { order: OrderDetail }) {
  const { t } = useI18n();
  const toast = useToast();
  const problemText = useProblemText();
  const change = useChangeOrderStatus({ id: order.db_id, kind: order.type });
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [cancelling, setCancelling] = useState<StatusStep | null>(null);
  const uid = useId();
  const steps = statusSteps(order.type, order.actions);

  async function run(step: StatusStep) {
    setProblem(null);
    try {
      const trimmed = note.trim();
      await change.mutateAsync({ status: step.status, ...(trimmed ? { note: trimmed } : {}) });
      const info = statusInfo(step.status);
      toast.show(
        t('orders.statusChanged', {
          number: order.id,
          status: info ? t(info.key) : step.status,
        }),
      );
      setNote('');
    } catch (error) {
      setProblem(problemFromError(error));
    } finally {
      setCancelling(null);
    }
  }

  if (steps.length === 0) {
    return (
      <p className="muted small" data-testid="order-no-actions">
        {t('orders.noActions')}
      </p>
    );
  }

  return (
    <div className="order-actions">
      <div className="field">
        <label htmlFor={`${uid}-note`}>{t('orders.note')}</label>
        <input
          id={`${uid}-note`}
          data-testid="order-note"
          maxLength={500}
          autoComplete="off"
          placeholder={t('orders.notePlaceholder')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <FormError id={`${uid}-error`} text={problemText(problem)} />
      <div className="form-actions">
        {steps.map((step) => (
          <button
            key={step.action}
            type="button"
            className={step.action === 'cancel' ? 'btn btn-danger-ghost' : 'btn btn-primary'}
            data-testid={`order-action-${step.action}`}
            data-next-status={step.status}
            disabled={change.isPending}
            onClick={() => (step.action === 'cancel' ? setCancelling(step) : void run(step))}
          >
            {t(step.label)}
          </button>
        ))}
      </div>

      {cancelling && (
        <ConfirmDialog
          title={t('orders.cancelTitle')}
          confirmLabel={t('orders.action.cancel')}
          busy={change.isPending}
          onConfirm={() => void run(cancelling)}
          onCancel={() => setCancelling(null)}
        >
          <p>{t('orders.cancelBody', { number: order.id })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

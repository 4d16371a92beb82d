import { useId, useState } from 'react';
import type { OrderRequest, RequestDecision } from '../../api/orders.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { useToast } from '../../app/toast/toast.context.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FormError } from '../../components/FormError.tsx';
import { useProblemText, type FormProblem } from '../../components/form-problem.hook.ts';
import { useReviewOrderRequest, type OrderRef } from './orders.query.ts';
import { problemFromOrderError } from './order-errors.ts';

interface Props {
  orderRef: OrderRef;
  /** "Cancel Requested" or "Return Requested". */
  status: string;
  /** What the customer wrote, when the server says. */
  request?: OrderRequest | null;
}

/**
 * Accepting or declining what the customer asked for, with a reason they will see. Accepting a
 * cancellation ends the order, so it is confirmed first.
 */
export function RequestReviewForm({ orderRef, status, request }: Props) {
  const { t } = useI18n();
  const toast = useToast();
  const problemText = useProblemText();
  const review = useReviewOrderRequest(orderRef);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [confirming, setConfirming] = useState(false);
  const uid = useId();
  const isCancel = status === 'Cancel Requested';

  async function decide(decision: RequestDecision) {
    setProblem(null);
    try {
      const trimmed = reason.trim();
      await review.mutateAsync({ decision, ...(trimmed ? { reason: trimmed } : {}) });
      toast.show(t(decision === 'accept' ? 'orders.request.accepted' : 'orders.request.declined'));
    } catch (error) {
      setProblem(problemFromOrderError(error));
    } finally {
      setConfirming(false);
    }
  }

  return (
    <div className="order-actions" data-testid="order-request-review">
      <div className="notice notice-warn">
        <p>{t(isCancel ? 'orders.request.cancelAsked' : 'orders.request.returnAsked')}</p>
        {request?.reason && (
          <p data-testid="order-request-customer-reason">
            {t('orders.request.customerReason', { reason: request.reason })}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${uid}-reason`}>{t('orders.request.reason')}</label>
        <textarea
          id={`${uid}-reason`}
          data-testid="order-request-reason"
          rows={2}
          maxLength={500}
          placeholder={t('orders.request.reasonPlaceholder')}
          value={reason}
          aria-describedby={problem ? `${uid}-error` : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <FormError id={`${uid}-error`} text={problemText(problem)} />
      <div className="form-actions">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="order-request-accept"
          disabled={review.isPending}
          onClick={() => (isCancel ? setConfirming(true) : void decide('accept'))}
        >
          {t('orders.request.accept')}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="order-request-decline"
          disabled={review.isPending}
          onClick={() => void decide('decline')}
        >
          {t('orders.request.decline')}
        </button>
      </div>

      {confirming && (
        <ConfirmDialog
          title={t('orders.request.acceptCancelTitle')}
          confirmLabel={t('orders.request.accept')}
          busy={review.isPending}
          onConfirm={() => void decide('accept')}
          onCancel={() => setConfirming(false)}
        >
          <p>{t('orders.request.acceptCancelBody')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

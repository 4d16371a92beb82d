import { useId, useState } from 'react';
import type { SessionView } from '../../api/sessions.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { useToast } from '../../app/toast/toast.context.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useErrorText } from '../../components/error-text.hook.ts';
import { useAbandonSession } from './carts.query.ts';

interface Props {
  session: SessionView;
  onDone(): void;
}

/** Ends a session the customer walked away from; the cart then shows a fresh QR code. */
export function AbandonDialog({ session, onDone }: Props) {
  const { t } = useI18n();
  const toast = useToast();
  const errorText = useErrorText();
  const abandon = useAbandonSession();
  const [reason, setReason] = useState('');
  const reasonId = useId();

  async function confirm() {
    try {
      await abandon.mutateAsync({ sessionId: session.id, reason: reason.trim() || undefined });
      toast.show(t('carts.abandoned', { cart: session.cart_code }));
      onDone();
    } catch (error) {
      toast.show(errorText(error), 'error');
    }
  }

  return (
    <ConfirmDialog
      title={t('carts.abandonTitle')}
      confirmLabel={t('carts.abandon')}
      busy={abandon.isPending}
      onConfirm={() => void confirm()}
      onCancel={onDone}
    >
      <p>{t('carts.abandonBody', { cart: session.cart_code, customer: session.customer_name })}</p>
      <div className="field dialog-field">
        <label htmlFor={reasonId}>{t('carts.abandonReason')}</label>
        <input
          id={reasonId}
          data-testid="abandon-reason"
          maxLength={200}
          value={reason}
          placeholder={t('carts.abandonReasonPlaceholder')}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
    </ConfirmDialog>
  );
}

import { useI18n } from '../../app/i18n/i18n.context.ts';
import { statusInfo } from './order-status.ts';

/** An order's status in the console's language; an unknown one is shown as the server sent it. */
export function OrderStatusBadge({ status, testId }: { status: string; testId?: string }) {
  const { t } = useI18n();
  const info = statusInfo(status);
  return (
    <span
      className={`badge badge-${info?.tone ?? 'info'}`}
      data-testid={testId}
      data-status={status}
    >
      {info ? t(info.key) : status}
    </span>
  );
}

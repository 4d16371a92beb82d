import { useI18n } from '../../app/i18n/i18n.context.ts';

/** `active` (shopping) or `checkout` (locked, waiting at the till); anything else as sent. */
export function SessionStatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  if (status === 'active')
    return <span className="badge badge-good">{t('carts.status.active')}</span>;
  if (status === 'checkout') {
    return <span className="badge badge-info">{t('carts.status.checkout')}</span>;
  }
  return <span className="badge">{status}</span>;
}

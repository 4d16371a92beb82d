import type { LiveStatus } from '../api/live-socket.ts';
import { useI18n, type MessageKey } from '../app/i18n/i18n.context.ts';

const LABELS: Record<LiveStatus, MessageKey> = {
  connecting: 'live.connecting',
  open: 'live.open',
  reconnecting: 'live.reconnecting',
  refused: 'live.refused',
};

/** Whether the screen is receiving changes as they happen, or may be showing old data. */
export function LiveIndicator({ status }: { status: LiveStatus }) {
  const { t } = useI18n();
  return (
    <span className={`live live-${status}`} role="status" data-testid="live-status">
      <span className="live-dot" aria-hidden="true" />
      {t(LABELS[status])}
    </span>
  );
}

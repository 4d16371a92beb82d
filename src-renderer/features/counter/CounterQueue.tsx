import type { SessionView } from '../../api/sessions.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { formatDong } from '../products/money.format.ts';

interface Props {
  queue: SessionView[];
  selected: string | null;
  busy: string | null;
  onOpen(session: SessionView): void;
}

/** Carts waiting at the till, longest first; each opens its order. */
export function CounterQueue({ queue, selected, busy, onOpen }: Props) {
  const { t } = useI18n();
  if (queue.length === 0) {
    return (
      <p className="muted small" data-testid="counter-queue-empty">
        {t('counter.queueEmpty')}
      </p>
    );
  }
  return (
    <ul className="counter-queue">
      {queue.map((session) => (
        <li key={session.id}>
          <button
            type="button"
            className="counter-queue-item"
            data-testid="counter-session"
            data-cart={session.cart_code}
            aria-pressed={selected === session.id}
            disabled={busy !== null}
            onClick={() => onOpen(session)}
          >
            <span className="counter-queue-head">
              <strong>{session.cart_code}</strong>
              <span>{formatDong(session.total)}</span>
            </span>
            <span className="muted small">
              {busy === session.id
                ? t('counter.opening')
                : `${session.customer_name} · ${t('counter.items', { n: session.total_items })}`}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

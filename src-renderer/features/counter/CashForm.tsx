import { useId, useRef, useState, type FormEvent } from 'react';
import type { MyOrder } from '../../api/my-orders.api.ts';
import type { PaymentView } from '../../api/payments.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { useErrorText } from '../../components/error-text.hook.ts';
import { formatDong } from '../products/money.format.ts';
import { likelyTenders, parseDong } from './cash-amount.ts';
import { useTakeCash } from './counter.query.ts';

interface Props {
  order: MyOrder;
  onPaid(payment: PaymentView): void;
}

/**
 * Cash handed over at the counter. Typed in đồng (separators optional) or picked from the
 * likely notes; Enter confirms. The change shown afterwards is the server's figure.
 */
export function CashForm({ order, onPaid }: Props) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const cash = useTakeCash();
  const [text, setText] = useState('');
  const [short, setShort] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const ids = { input: useId(), error: useId(), hint: useId() };
  const amount = parseDong(text);

  async function submit(received: number | null) {
    if (received === null || received < order.total) {
      setShort(true);
      return;
    }
    setShort(false);
    try {
      onPaid(await cash.mutateAsync({ orderId: order.id, received }));
    } catch {
      // Shown below from the mutation's error.
    }
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!cash.isPending) void submit(amount);
  }

  const problem = short
    ? t('counter.cashShort', { total: formatDong(order.total) })
    : cash.isError
      ? errorText(cash.error)
      : null;

  return (
    <form
      className="counter-cash"
      data-testid="counter-cash-form"
      onSubmit={handleSubmit}
      noValidate
    >
      <div className="field">
        <label htmlFor={ids.input}>{t('counter.received')}</label>
        <input
          id={ids.input}
          data-testid="counter-cash-received"
          className="counter-cash-input"
          inputMode="numeric"
          autoComplete="off"
          ref={inputRef}
          // The cashier comes here to type a sum: put the cursor in the field.
          autoFocus
          placeholder={String(order.total)}
          value={text}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? ids.error : ids.hint}
          onChange={(e) => {
            setText(e.target.value);
            setShort(false);
          }}
        />
        <p id={ids.hint} className="field-hint">
          {amount !== null ? formatDong(amount) : t('counter.receivedHint')}
        </p>
      </div>
      <div className="counter-tenders" role="group" aria-label={t('counter.quickAmounts')}>
        {likelyTenders(order.total).map((value) => (
          <button
            key={value}
            type="button"
            className="btn btn-secondary"
            data-testid="counter-tender"
            disabled={cash.isPending}
            onClick={() => {
              // Fills the field only: the cashier confirms with Enter, as when typing.
              setText(String(value));
              setShort(false);
              inputRef.current?.focus();
            }}
          >
            {value === order.total ? t('counter.exact') : formatDong(value)}
          </button>
        ))}
      </div>
      {problem && (
        <p
          id={ids.error}
          className="notice notice-error"
          role="alert"
          data-testid="counter-cash-error"
        >
          {problem}
        </p>
      )}
      <button
        type="submit"
        className="btn btn-primary btn-lg"
        data-testid="counter-cash-submit"
        disabled={cash.isPending}
      >
        {cash.isPending ? t('counter.taking') : t('counter.takeCash')}
      </button>
    </form>
  );
}

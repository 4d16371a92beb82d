import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../../app/i18n/i18n.context.ts';

interface Props {
  busy: boolean;
  onFind(ref: string): void;
}

/** The order number the shopper reads out or shows on their phone; Enter looks it up. */
export function CounterFind({ busy, onFind }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const id = useId();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = text.trim();
    // Numbers (`so-…` typed in a hurry) are upper case; an id or UUID is taken as it is.
    const ref = /^[a-z]{2}-/i.test(typed) ? typed.toUpperCase() : typed;
    if (ref && !busy) onFind(ref);
  }

  return (
    <form className="counter-find" data-testid="counter-find" onSubmit={handleSubmit}>
      <label htmlFor={id}>{t('counter.findLabel')}</label>
      <div className="counter-find-row">
        <input
          id={id}
          data-testid="counter-find-input"
          className="search-input"
          autoComplete="off"
          spellCheck={false}
          placeholder="SO-20260101-0001"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button
          type="submit"
          className="btn btn-secondary"
          data-testid="counter-find-submit"
          disabled={busy}
        >
          {t('counter.find')}
        </button>
      </div>
    </form>
  );
}

import { useId, useRef, useState, type FormEvent } from 'react';
import type { PairedDevice } from '../../api/devices.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { isFieldInvalid } from '../../components/field-error.util.ts';
import { FormError } from '../../components/FormError.tsx';
import {
  problemFromError,
  useProblemText,
  type FormProblem,
} from '../../components/form-problem.hook.ts';
import { usePairDevice } from './devices.query.ts';

/** Registers a new cart; the answer (with its one-time key) goes to `onPaired`. */
export function PairForm({ onPaired }: { onPaired(device: PairedDevice): void }) {
  const { t } = useI18n();
  const problemText = useProblemText();
  const pair = usePairDevice();
  const [name, setName] = useState('');
  const [cartCode, setCartCode] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const ids = { name: useId(), code: useId(), error: useId(), hint: useId() };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setProblem({ field: 'name', key: 'pair.nameRequired' });
      nameRef.current?.focus();
      return;
    }
    setProblem(null);
    try {
      const code = cartCode.trim().toUpperCase();
      const device = await pair.mutateAsync({ name: trimmed, cart_code: code || undefined });
      setName('');
      setCartCode('');
      onPaired(device);
    } catch (error) {
      setProblem(problemFromError(error));
    }
  }

  const nameInvalid = problem !== null && (!problem.field || isFieldInvalid(problem.field, 'name'));
  const codeInvalid = isFieldInvalid(problem?.field, 'cart_code');

  return (
    <form className="panel form" data-testid="pair-form" onSubmit={handleSubmit} noValidate>
      <h2 className="panel-title">{t('pair.title')}</h2>
      <p className="muted small">{t('pair.intro')}</p>
      <FormError id={ids.error} text={problemText(problem)} />
      <div className="field">
        <label htmlFor={ids.name}>{t('pair.name')}</label>
        <input
          id={ids.name}
          ref={nameRef}
          data-testid="pair-name"
          maxLength={80}
          autoComplete="off"
          placeholder={t('pair.namePlaceholder')}
          value={name}
          aria-invalid={nameInvalid || undefined}
          aria-describedby={nameInvalid ? ids.error : undefined}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.code}>{t('pair.cartCode')}</label>
        <input
          id={ids.code}
          data-testid="pair-code"
          maxLength={32}
          autoComplete="off"
          spellCheck={false}
          placeholder="CART-0007"
          value={cartCode}
          aria-invalid={codeInvalid || undefined}
          aria-describedby={ids.hint}
          onChange={(e) => setCartCode(e.target.value)}
        />
        <p id={ids.hint} className="field-hint">
          {t('pair.cartCodeHint')}
        </p>
      </div>
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          data-testid="pair-submit"
          disabled={pair.isPending}
        >
          {pair.isPending ? t('pair.pairing') : t('pair.submit')}
        </button>
      </div>
    </form>
  );
}

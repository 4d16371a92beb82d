import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { login, type LoginCredentials } from '../../api/auth.api.ts';
import { useApi } from '../../api/api.context.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { useErrorText } from '../../components/error-text.hook.ts';
import type { PhoneSession } from './phone-session.store.ts';

/** Any account may shop, staff included (they test carts with their own). */
export function PhoneLogin({ onSignedIn }: { onSignedIn(session: PhoneSession): void }) {
  const { t } = useI18n();
  const api = useApi();
  const errorText = useErrorText();
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const signingIn = useMutation({
    mutationFn: (credentials: LoginCredentials) => login(api, credentials),
    onSuccess: (account) => onSignedIn({ token: account.access_token, name: account.name }),
  });
  const ids = { identifier: useId(), password: useId() };

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = identifier.trim();
    setMissing(!trimmed || !password);
    if (!trimmed || !password) return;
    signingIn.mutate({ identifier: trimmed, password });
  }

  const problem = missing
    ? t('login.missingFields')
    : signingIn.isError
      ? errorText(signingIn.error)
      : null;

  return (
    <section className="phone-card" data-testid="phone-login" aria-labelledby="phone-login-title">
      <h1 id="phone-login-title" className="phone-title">
        {t('phone.loginTitle')}
      </h1>
      <p className="muted">{t('phone.loginIntro')}</p>
      {problem && (
        <p className="notice notice-error" role="alert" data-testid="phone-login-error">
          {problem}
        </p>
      )}
      <form className="form" onSubmit={handleSubmit} noValidate>
        <div className="field">
          <label htmlFor={ids.identifier}>{t('login.identifier')}</label>
          <input
            id={ids.identifier}
            data-testid="phone-login-identifier"
            type="text"
            inputMode="email"
            autoComplete="username"
            autoCapitalize="off"
            spellCheck={false}
            value={identifier}
            onChange={(e) => setIdentifier(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.password}>{t('login.password')}</label>
          <input
            id={ids.password}
            data-testid="phone-login-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <button
          type="submit"
          className="btn btn-primary btn-block btn-lg"
          data-testid="phone-login-submit"
          disabled={signingIn.isPending}
        >
          {signingIn.isPending ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </section>
  );
}

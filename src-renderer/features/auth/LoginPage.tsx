import { useMutation } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { login, type LoginCredentials } from '../../api/auth.api.ts';
import { useApi } from '../../api/api.context.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { useSession } from '../../app/session/session.context.ts';
import { isStaffRole } from '../../app/session/session.store.ts';
import { CartLogo } from '../../components/CartLogo.tsx';
import { useErrorText } from '../../components/error-text.hook.ts';
import { LangToggle } from '../../components/LangToggle.tsx';

/** Kept as a reason, not a string, so switching language re-translates a shown error. */
type LoginProblem =
  { kind: 'missing-fields' } | { kind: 'not-staff' } | { kind: 'failed'; error: unknown };

export function LoginPage() {
  const { t } = useI18n();
  const api = useApi();
  const { signIn, expired } = useSession();
  const errorText = useErrorText();
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<LoginProblem | null>(null);
  const signingIn = useMutation({
    mutationFn: (credentials: LoginCredentials) => login(api, credentials),
  });

  useEffect(() => {
    document.title = `${t('login.title')} · ${t('app.name')}`;
  }, [t]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = identifier.trim();
    if (!trimmed || !password) {
      setProblem({ kind: 'missing-fields' });
      return;
    }
    setProblem(null);
    try {
      const account = await signingIn.mutateAsync({ identifier: trimmed, password });
      // The token is valid, but the console is for staff: a customer's token is never stored.
      if (!isStaffRole(account.role)) {
        setPassword('');
        setProblem({ kind: 'not-staff' });
        return;
      }
      signIn({ token: account.access_token, name: account.name, role: account.role });
    } catch (error) {
      setProblem({ kind: 'failed', error });
    }
  }

  const problemText =
    problem?.kind === 'missing-fields'
      ? t('login.missingFields')
      : problem?.kind === 'not-staff'
        ? t('login.notStaff')
        : problem
          ? errorText(problem.error)
          : null;

  return (
    <div className="login-screen">
      <div className="login-lang">
        <LangToggle />
      </div>
      <main className="login-card">
        <div className="login-brand">
          <CartLogo size={44} />
          <div>
            <div className="brand-name">{t('app.name')}</div>
            <div className="brand-tagline">{t('app.tagline')}</div>
          </div>
        </div>
        <h1 className="login-title">{t('login.title')}</h1>
        <p className="muted">{t('login.subtitle')}</p>

        {expired && !problem && (
          <p className="notice notice-info" role="status">
            {t('login.sessionExpired')}
          </p>
        )}
        {problemText && (
          <p className="notice notice-error" role="alert" data-testid="login-error">
            {problemText}
          </p>
        )}

        <form className="form" onSubmit={handleSubmit} noValidate>
          <div className="field">
            <label htmlFor="login-identifier">{t('login.identifier')}</label>
            <input
              id="login-identifier"
              data-testid="login-identifier"
              name="identifier"
              type="text"
              autoComplete="username"
              autoCapitalize="off"
              spellCheck={false}
              autoFocus
              value={identifier}
              onChange={(e) => setIdentifier(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="login-password">{t('login.password')}</label>
            <input
              id="login-password"
              data-testid="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <button
            type="submit"
            className="btn btn-primary btn-block"
            data-testid="login-submit"
            disabled={signingIn.isPending}
          >
            {signingIn.isPending ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}

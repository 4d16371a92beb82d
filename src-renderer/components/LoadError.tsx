import { useI18n } from '../app/i18n/i18n.context.ts';
import { useErrorText } from './error-text.hook.ts';

interface Props {
  title: string;
  error: unknown;
  onRetry(): void;
}

/** A list or record that did not load: the reason, and a way to try again. */
export function LoadError({ title, error, onRetry }: Props) {
  const { t } = useI18n();
  const errorText = useErrorText();
  return (
    <div className="panel notice notice-error" role="alert">
      <p>
        <strong>{title}</strong> {errorText(error)}
      </p>
      <button type="button" className="btn btn-secondary" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  );
}

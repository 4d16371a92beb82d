import { ApiError } from '../api/api-client.ts';
import { useI18n, type MessageKey } from '../app/i18n/i18n.context.ts';
import { useErrorText } from './error-text.hook.ts';

/**
 * Why a form was not saved, and which field to mark. Kept as a reason rather than a string so
 * switching language re-translates the console's own messages.
 */
export type FormProblem = { field?: string } & ({ key: MessageKey } | { error: unknown });

export function problemFromError(error: unknown): FormProblem {
  return { field: error instanceof ApiError ? error.field : undefined, error };
}

export function useProblemText(): (problem: FormProblem | null) => string | null {
  const { t } = useI18n();
  const errorText = useErrorText();
  return (problem) => {
    if (!problem) return null;
    return 'key' in problem ? t(problem.key) : errorText(problem.error);
  };
}

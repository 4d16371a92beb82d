import { ApiError } from '../../api/api-client.ts';
import { problemFromError, type FormProblem } from '../../components/form-problem.hook.ts';

/**
 * Reviewing requests and preparing rentals are newer than some servers the console may talk
 * to; such a server answers 404 "No route for …", which says nothing useful to staff.
 */
export function problemFromOrderError(error: unknown): FormProblem {
  if (error instanceof ApiError && error.status === 404 && error.detail.startsWith('No route')) {
    return { key: 'orders.notSupported' };
  }
  return problemFromError(error);
}

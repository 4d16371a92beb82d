/** Machine-readable error codes carried in `{ detail, code }` error bodies. */
export const ErrorCode = {
  validation: 'VALIDATION_ERROR',
  badJson: 'INVALID_JSON',
  bodyTooLarge: 'BODY_TOO_LARGE',
  unsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  unauthenticated: 'UNAUTHENTICATED',
  forbidden: 'FORBIDDEN',
  notFound: 'NOT_FOUND',
  conflict: 'CONFLICT',
  accountBanned: 'ACCOUNT_BANNED',
  rateLimited: 'RATE_LIMITED',
  internal: 'INTERNAL_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The error body of every route (SPEC §2); seed 003 routes also carry `success: false`. */
export interface ErrorBody {
  detail: string;
  code?: string;
  field?: string;
  success?: false;
}

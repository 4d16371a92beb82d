import { DomainError } from '#main/backend/http/errors';
import { ErrorCode } from '#shared/errors';

export const accountBanned = () =>
  new DomainError(403, ErrorCode.accountBanned, 'Tài khoản đã bị khóa');

export const tooManyLoginFailures = (seconds: number) =>
  new DomainError(
    429,
    ErrorCode.rateLimited,
    `Quá nhiều lần đăng nhập sai; thử lại sau ${seconds} giây`,
  );

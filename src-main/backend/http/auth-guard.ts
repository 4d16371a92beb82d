import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { App } from '#main/backend/http/app-type';
import type { User } from '#main/backend/modules/accounts/accounts.repo';
import type { AccountsService } from '#main/backend/modules/accounts/accounts.service';
import type { TokenService } from '#main/backend/modules/accounts/tokens';
import type { Role } from '#shared/contracts/roles';
import { forbidden, unauthenticated } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated account, set by the guard on routes that require one. */
    user: User | null;
  }
}

export interface GuardMessages {
  unauthenticated: string;
  forbidden: string;
}

const DEFAULT_MESSAGES: GuardMessages = {
  unauthenticated: 'Tài khoản chưa được xác thực',
  forbidden: 'Tài khoản không có quyền',
};

export const bearerSecurity = [{ bearerAuth: [] }];

/**
 * The one route guard. A token proves who signed in; the account row decides what they may do
 * now, so a ban, a deletion or a role change takes effect on the very next request.
 */
export function createAuthGuard(app: App, tokens: TokenService, accounts: AccountsService) {
  app.decorateRequest('user', null);

  async function fromToken(token: string): Promise<User | null> {
    const claims = await tokens.verify(token);
    return claims ? accounts.activeAccount(claims.sub, claims.tv) : null;
  }

  async function identify(req: FastifyRequest): Promise<User | null> {
    const header = req.headers.authorization;
    if (!header) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match ? fromToken(match[1]!) : null;
  }

  return {
    /** For WebSockets, where browsers can't send headers: the token comes in the URL. */
    fromToken,
    /** preHandler that requires a signed-in account, optionally with one of `roles`. */
    required(
      roles?: readonly Role[],
      messages: Partial<GuardMessages> = {},
    ): preHandlerAsyncHookHandler {
      const text = { ...DEFAULT_MESSAGES, ...messages };
      return async (req) => {
        const user = await identify(req);
        if (!user) throw unauthenticated(text.unauthenticated);
        if (roles && !roles.includes(user.role)) throw forbidden(text.forbidden);
        req.user = user;
      };
    },
    /** preHandler that identifies the caller when a valid token is sent, and never refuses. */
    optional(): preHandlerAsyncHookHandler {
      return async (req) => {
        req.user = await identify(req);
      };
    },
  };
}

export type AuthGuard = ReturnType<typeof createAuthGuard>;

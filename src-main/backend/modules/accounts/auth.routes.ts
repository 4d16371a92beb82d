import type { App } from '#main/backend/http/app-type';
import { badRequest, unauthenticated } from '#main/backend/http/errors';
import { LoginBodySchema, LoginResponseSchema, loginErrors } from '#shared/contracts/auth';
import { accountBanned, tooManyLoginFailures } from './accounts.errors.ts';
import { STORE_TOKEN_TTL_SECONDS } from './tokens.ts';
import type { AccountRoutesDeps } from './users.routes.ts';

/** The unified `POST /auth/login` of SPEC §2 (seeds 002 and 004). */
export async function authRoutes(app: App, deps: AccountRoutesDeps) {
  const { accounts, tokens } = deps;

  app.post(
    '/auth/login',
    {
      onRequest: deps.loginRateLimit,
      schema: {
        tags: ['auth'],
        summary: 'Log in by e-mail or phone (identifier, username or email) and password',
        body: LoginBodySchema,
        response: { 200: LoginResponseSchema, ...loginErrors },
      },
    },
    async (req) => {
      const { identifier, username, email, password } = req.body;
      const who = identifier ?? username ?? email;
      if (!who) throw badRequest('identifier is required (e-mail or phone number)', 'identifier');
      const result = await accounts.login(who, password);
      if (!result.ok) {
        if (result.reason === 'throttled') throw tooManyLoginFailures(result.retryAfterSeconds);
        if (result.reason === 'banned') throw accountBanned();
        throw unauthenticated('Thông tin đăng nhập không chính xác');
      }
      const u = result.user;
      return {
        access_token: await tokens.issue(
          { sub: u.uuid, role: u.role, tv: u.tokenVersion },
          STORE_TOKEN_TTL_SECONDS,
        ),
        token_type: 'bearer' as const,
        expires_in: STORE_TOKEN_TTL_SECONDS,
        role: u.role,
        name: u.name,
        id: u.id,
        uuid: u.uuid,
        email: u.email,
      };
    },
  );
}

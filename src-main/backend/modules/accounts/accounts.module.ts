import { createAuthGuard } from '#main/backend/http/auth-guard';
import type { ModuleDeps } from '#main/backend/modules/module-deps';
import { createAccountsRepo } from './accounts.repo.ts';
import { createAccountsService } from './accounts.service.ts';
import { authRoutes } from './auth.routes.ts';
import { createLoginThrottle } from './login-throttle.ts';
import { createTokenService } from './tokens.ts';
import { usersRoutes } from './users.routes.ts';

/** Accounts: users, login, tokens, and the route guard every other module uses. */
export async function registerAccounts(deps: ModuleDeps & { secret: Uint8Array }) {
  const { app, config, db, clock, ids, logger, audit } = deps;
  const accounts = createAccountsService({
    repo: createAccountsRepo(db),
    audit,
    throttle: createLoginThrottle(clock),
    clock,
    ids,
    logger,
  });
  const tokens = createTokenService(deps.secret, clock);
  const guard = createAuthGuard(app, tokens, accounts);
  // One limiter (one budget per address) shared by every login route, so alternating between
  // routes doesn't double an attacker's guesses.
  const loginRateLimit = app.rateLimit({
    max: config.loginRateLimitPerMinute,
    timeWindow: '1 minute',
  });
  await app.register(usersRoutes, { accounts, tokens, guard, loginRateLimit });
  await app.register(authRoutes, { accounts, tokens, guard, loginRateLimit });
  return { accounts, guard };
}

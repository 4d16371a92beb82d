import type { Clock } from '#main/backend/lib/clock';
import type { IdGenerator } from '#main/backend/lib/ids';
import type { Logger } from '#main/backend/lib/logger';
import type { AuditRepo } from '#main/backend/modules/audit/audit.repo';
import type { Role } from '#shared/contracts/roles';
import type { AccountsRepo, User } from './accounts.repo.ts';
import { normalizeEmail, parseIdentifier } from './identifiers.ts';
import type { LoginThrottle } from './login-throttle.ts';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords.ts';

export interface NewAccount {
  name: string;
  email: string;
  password: string;
  phone?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  role?: Role;
}

export type RegisterResult =
  { ok: true; user: User } | { ok: false; reason: 'email_taken' | 'phone_taken' };

export type LoginResult =
  | { ok: true; user: User }
  | { ok: false; reason: 'invalid' | 'banned' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export type RoleChangeResult =
  { ok: true; user: User } | { ok: false; reason: 'self' | 'not_found' };

interface Deps {
  repo: AccountsRepo;
  audit: AuditRepo;
  throttle: LoginThrottle;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
}

export function createAccountsService({ repo, audit, throttle, clock, ids, logger }: Deps) {
  const usable = (user: User | null): user is User => user !== null && user.deletedAt === null;

  function findByIdentifier(raw: string): User | null {
    const id = parseIdentifier(raw);
    if (!id) return null;
    return id.kind === 'email' ? repo.byEmail(id.value) : repo.byPhone(id.value);
  }

  return {
    async register(input: NewAccount): Promise<RegisterResult> {
      const email = normalizeEmail(input.email);
      // Hash before the transaction: argon2 is slow and runs off-thread; the uniqueness
      // checks and the insert then happen atomically in one synchronous transaction.
      const passwordHash = await hashPassword(input.password);
      const now = clock.now().toISOString();
      return repo.transaction((): RegisterResult => {
        if (repo.byEmail(email)) return { ok: false, reason: 'email_taken' };
        if (input.phone && repo.byPhone(input.phone)) return { ok: false, reason: 'phone_taken' };
        const user = repo.insert({
          uuid: ids.uuid(),
          name: input.name.trim(),
          firstName: input.firstName ?? null,
          lastName: input.lastName ?? null,
          email,
          phone: input.phone ?? null,
          passwordHash,
          role: input.role ?? 'customer',
          createdAt: now,
          updatedAt: now,
        });
        return { ok: true, user };
      });
    },

    /** Password login by e-mail or phone, braked per account after repeated failures. */
    async login(identifier: string, password: string): Promise<LoginResult> {
      // One throttle per account, however its e-mail or phone number is written.
      const parsed = parseIdentifier(identifier);
      const key = parsed ? `${parsed.kind}:${parsed.value}` : identifier.trim().toLowerCase();
      const wait = throttle.retryAfter(key);
      if (wait > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: wait };
      const user = findByIdentifier(identifier);
      if (!usable(user)) {
        await burnPasswordCheck(password);
        throttle.recordFailure(key);
        return { ok: false, reason: 'invalid' };
      }
      if (!(await verifyPassword(user.passwordHash, password))) {
        throttle.recordFailure(key);
        return { ok: false, reason: 'invalid' };
      }
      throttle.reset(key);
      // Checked only after the password: a banned account's status isn't revealed to guessers.
      if (user.status === 'BANNED') return { ok: false, reason: 'banned' };
      return { ok: true, user };
    },

    /** The account behind a token, if it may still act: not deleted, not banned, not revoked. */
    activeAccount(uuid: string, tokenVersion: number): User | null {
      const user = repo.byUuid(uuid);
      if (!usable(user) || user.status !== 'ACTIVE' || user.tokenVersion !== tokenVersion) {
        return null;
      }
      return user;
    },

    /** Finds an account by UUID (seed 001) or local id (seed 002). */
    find(ref: string): User | null {
      const user = /^\d+$/.test(ref) ? repo.byId(Number(ref)) : repo.byUuid(ref.toLowerCase());
      return usable(user) ? user : null;
    },

    changeRole(actor: User, targetRef: string, role: Role): RoleChangeResult {
      const target = this.find(targetRef);
      if (!target) return { ok: false, reason: 'not_found' };
      if (target.id === actor.id) return { ok: false, reason: 'self' };
      const at = clock.now();
      const user = repo.transaction(() => {
        const updated = repo.setRole(target.id, role, at.toISOString());
        audit.record({
          actorUserId: actor.id,
          action: 'user.role_changed',
          targetType: 'user',
          targetId: target.uuid,
          detail: { from: target.role, to: role },
          at,
        });
        return updated;
      });
      return { ok: true, user };
    },

    /** Creates the first admin from configuration on a store that has none with that e-mail. */
    async ensureBootstrapAdmin(admin: { email: string; password: string } | null): Promise<void> {
      if (!admin || repo.byEmail(normalizeEmail(admin.email))) return;
      const result = await this.register({
        name: 'Quản trị viên',
        email: admin.email,
        password: admin.password,
        role: 'admin',
      });
      if (result.ok) logger.info({ email: result.user.email }, 'created the bootstrap admin');
    },

    counts: () => repo.countActive(),
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;

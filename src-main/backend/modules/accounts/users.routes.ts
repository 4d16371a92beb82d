import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import type { App } from '#main/backend/http/app-type';
import { bearerSecurity, type AuthGuard } from '#main/backend/http/auth-guard';
import {
  badRequest,
  describeIssue,
  issueField,
  notFound,
  unauthenticated,
} from '#main/backend/http/errors';
import { fromSeed001Role, ROLES, toSeed001Role } from '#shared/contracts/roles';
import {
  MeSchema,
  RegisterBodySchema,
  RegisteredUserSchema,
  RoleBodySchema,
  RoleChangedSchema,
  UserIdParamsSchema,
  UsersLoginBodySchema,
  UsersLoginResponseSchema,
  usersErrors,
} from '#shared/contracts/users';
import { accountBanned, tooManyLoginFailures } from './accounts.errors.ts';
import type { User } from './accounts.repo.ts';
import type { AccountsService } from './accounts.service.ts';
import { isEmail, normalizePhone } from './identifiers.ts';
import { ACCESS_TOKEN_TTL_SECONDS, type TokenService } from './tokens.ts';

export interface AccountRoutesDeps {
  accounts: AccountsService;
  tokens: TokenService;
  guard: AuthGuard;
  /** The address-based limiter shared by all login routes. */
  loginRateLimit: onRequestHookHandler;
}

// Seed 001's messages, verbatim.
const MSG = {
  emailTaken: 'Email đã tồn tại',
  emailRequired: 'Email là bắt buộc',
  emailFormat: 'Email không đúng mẫu',
  passwordShort: 'Mật khẩu nhất định có ít nhất 6 ký tự',
  badData: 'Dữ liệu chưa đúng',
  unauthenticated: 'Tài khoản chưa được xác thực',
  self: 'Không thể cập nhật tài khoản chính mình',
  notFound: 'Tài khoản không thể tìm thấy',
  forbidden: 'Tài khoản không có quyền',
};

/** Seed 001 answers bad register bodies with specific Vietnamese messages, e-mail first. */
function checkRegisterBody(req: FastifyRequest): void {
  const body = req.body as Record<string, unknown> | null;
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest(MSG.badData);
  const { email, password, phone } = body;
  if (email === undefined || email === null || (typeof email === 'string' && !email.trim())) {
    throw badRequest(MSG.emailRequired, 'email');
  }
  if (typeof email !== 'string' || !isEmail(email)) throw badRequest(MSG.emailFormat, 'email');
  if (typeof password !== 'string' || password.length < 6) {
    throw badRequest(MSG.passwordShort, 'password');
  }
  if (phone !== undefined && (typeof phone !== 'string' || !normalizePhone(phone))) {
    throw badRequest(`${MSG.badData}: phone không đúng định dạng Việt Nam`, 'phone');
  }
  const issue = req.validationError?.validation?.[0];
  if (issue) throw badRequest(`${MSG.badData}: ${describeIssue(issue)}`, issueField(issue));
}

function rejectInvalid(req: FastifyRequest): void {
  const issue = req.validationError?.validation?.[0];
  if (issue) throw badRequest(`${MSG.badData}: ${describeIssue(issue)}`, issueField(issue));
}

const meView = (u: User) => ({
  id: u.uuid,
  name: u.name,
  email: u.email,
  phone: u.phone,
  role: toSeed001Role(u.role),
  status: u.status,
  created_at: u.createdAt,
});

/** Seed 001 `/users/*`: register, login, me, and the admin's role change. */
export async function usersRoutes(app: App, deps: AccountRoutesDeps) {
  const { accounts, tokens, guard } = deps;

  app.post(
    '/users/register',
    {
      attachValidation: true,
      schema: {
        tags: ['users'],
        summary: 'Register a customer account',
        body: RegisterBodySchema,
        response: { 201: RegisteredUserSchema, ...usersErrors },
      },
    },
    async (req, reply) => {
      checkRegisterBody(req);
      const body = req.body as { name: string; email: string; password: string; phone?: string };
      const result = await accounts.register({
        name: body.name,
        email: body.email,
        password: body.password,
        phone: body.phone ? normalizePhone(body.phone) : null,
      });
      if (!result.ok) {
        throw result.reason === 'email_taken'
          ? badRequest(MSG.emailTaken, 'email')
          : badRequest('Số điện thoại đã được sử dụng', 'phone');
      }
      const u = result.user;
      return reply.status(201).send({
        id: u.uuid,
        name: u.name,
        email: u.email,
        role: toSeed001Role(u.role),
        created_at: u.createdAt,
      });
    },
  );

  app.post(
    '/users/login',
    {
      attachValidation: true,
      onRequest: deps.loginRateLimit,
      schema: {
        tags: ['users'],
        summary: 'Log in with e-mail (or phone) and password',
        body: UsersLoginBodySchema,
        response: { 200: UsersLoginResponseSchema, ...usersErrors },
      },
    },
    async (req) => {
      rejectInvalid(req);
      const result = await accounts.login(req.body.email, req.body.password);
      if (!result.ok) {
        if (result.reason === 'throttled') throw tooManyLoginFailures(result.retryAfterSeconds);
        if (result.reason === 'banned') throw accountBanned();
        throw unauthenticated(MSG.unauthenticated);
      }
      const u = result.user;
      return {
        access_token: await tokens.issue({ sub: u.uuid, role: u.role, tv: u.tokenVersion }),
        // Seed 001 documents the token type in this field; served as documented.
        refresh_token: 'Bearer',
        token_type: 'Bearer',
        expires_in: ACCESS_TOKEN_TTL_SECONDS,
        user: { id: u.uuid, email: u.email, role: toSeed001Role(u.role) },
      };
    },
  );

  app.get(
    '/users/me',
    {
      preHandler: guard.required(),
      schema: {
        tags: ['users'],
        summary: 'The signed-in account',
        security: bearerSecurity,
        response: { 200: MeSchema, ...usersErrors },
      },
    },
    async (req) => meView(req.user!),
  );

  app.patch(
    '/users/:userId/role',
    {
      attachValidation: true,
      preHandler: guard.required(['admin'], { forbidden: MSG.forbidden }),
      schema: {
        tags: ['users'],
        summary: "Change an account's role (admin)",
        security: bearerSecurity,
        params: UserIdParamsSchema,
        body: RoleBodySchema,
        response: { 200: RoleChangedSchema, ...usersErrors },
      },
    },
    async (req) => {
      rejectInvalid(req);
      const role = fromSeed001Role(req.body.role);
      if (!role) {
        throw badRequest(`${MSG.badData}: role must be one of user, ${ROLES.join(', ')}`, 'role');
      }
      const result = accounts.changeRole(req.user!, req.params.userId, role);
      if (!result.ok) {
        throw result.reason === 'self' ? badRequest(MSG.self, 'userId') : notFound(MSG.notFound);
      }
      const u = result.user;
      return { id: u.uuid, email: u.email, role: toSeed001Role(u.role), updated_at: u.updatedAt };
    },
  );
}

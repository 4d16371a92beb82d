import { Type, type Static } from 'typebox';
import { errorResponses, IsoDateTime } from './common.ts';

// Seed 001 `/users/*` contracts. Validation messages are the seed's Vietnamese ones, which is
// why the bodies are checked by the route (attachValidation) rather than rejected generically.

export const RegisterBodySchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 120, pattern: '\\S' }),
  email: Type.String({ format: 'email', maxLength: 254 }),
  password: Type.String({ minLength: 6, maxLength: 256 }),
  phone: Type.Optional(Type.String({ maxLength: 20 })),
});
export type RegisterBody = Static<typeof RegisterBodySchema>;

export const RegisteredUserSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  email: Type.String(),
  role: Type.String(),
  created_at: IsoDateTime,
});

export const UsersLoginBodySchema = Type.Object({
  email: Type.String({ minLength: 1, maxLength: 254, description: 'E-mail or phone number' }),
  password: Type.String({ minLength: 1, maxLength: 256 }),
});
export type UsersLoginBody = Static<typeof UsersLoginBodySchema>;

export const UsersLoginResponseSchema = Type.Object({
  access_token: Type.String(),
  refresh_token: Type.String({ description: 'Seed 001 documents the token type here' }),
  token_type: Type.String(),
  expires_in: Type.Integer(),
  user: Type.Object({ id: Type.String(), email: Type.String(), role: Type.String() }),
});

export const MeSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  email: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  role: Type.String(),
  status: Type.String(),
  created_at: IsoDateTime,
});
export type Me = Static<typeof MeSchema>;

export const UserIdParamsSchema = Type.Object({
  userId: Type.String({ maxLength: 64 }),
});

export const RoleBodySchema = Type.Object({
  role: Type.String({ maxLength: 32 }),
});

export const RoleChangedSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  role: Type.String(),
  updated_at: IsoDateTime,
});

export const usersErrors = errorResponses(400, 401, 403, 404, 429);

import { Type, type Static } from 'typebox';
import { errorResponses } from './common.ts';

/** `POST /auth/login`: seed 002's `identifier`, seed 004's `username`, or `email` (SPEC §2). */
export const LoginBodySchema = Type.Object({
  identifier: Type.Optional(Type.String({ minLength: 1, maxLength: 254 })),
  username: Type.Optional(Type.String({ minLength: 1, maxLength: 254 })),
  email: Type.Optional(Type.String({ minLength: 1, maxLength: 254 })),
  password: Type.String({ minLength: 1, maxLength: 256 }),
});
export type LoginBody = Static<typeof LoginBodySchema>;

/** Seed 002's shape, plus what seeds 001 and 004 clients look for. */
export const LoginResponseSchema = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('bearer'),
  expires_in: Type.Integer(),
  role: Type.String(),
  name: Type.String(),
  id: Type.Integer(),
  uuid: Type.String(),
  email: Type.String(),
});
export type LoginResponse = Static<typeof LoginResponseSchema>;

export const loginErrors = errorResponses(400, 401, 403, 429);

import { Type, type TSchema } from 'typebox';

export const ErrorSchema = Type.Object(
  {
    detail: Type.String(),
    code: Type.Optional(Type.String()),
    field: Type.Optional(Type.String()),
    /** Seed 003 routes (`/api/…` outside `/api/v1`) say `success: false` too. */
    success: Type.Optional(Type.Literal(false)),
  },
  { description: 'Every error: a message naming the problem, and a code' },
);

/** Standard error responses to list in a route's schema. */
export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, ErrorSchema]));

/** The seed 002 success envelope, used by every `/api/v1` route (SPEC §2). */
export const Envelope = <T extends TSchema>(data: T) =>
  Type.Object({
    status: Type.Literal('success'),
    code: Type.Integer(),
    data,
    message: Type.Optional(Type.String()),
  });

export const IsoDateTime = Type.String({ format: 'date-time' });

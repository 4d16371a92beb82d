import { Type, type Static } from 'typebox';
import { Envelope } from './common.ts';

export const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  version: Type.String(),
  uptime_seconds: Type.Number(),
  database: Type.Object({ reachable: Type.Boolean() }),
  migrations: Type.Object({
    applied: Type.Integer(),
    expected: Type.Integer(),
    current: Type.Boolean(),
  }),
});
export type Health = Static<typeof HealthSchema>;

export const StoreStatusSchema = Type.Object({
  version: Type.String(),
  started_at: Type.String({ format: 'date-time' }),
  uptime_seconds: Type.Number(),
  health: HealthSchema,
  counts: Type.Object({
    products: Type.Integer(),
    variants: Type.Integer(),
    categories: Type.Integer(),
    users: Type.Integer(),
    staff: Type.Integer(),
  }),
  database_bytes: Type.Integer(),
});
export type StoreStatus = Static<typeof StoreStatusSchema>;

export const StoreStatusEnvelopeSchema = Envelope(StoreStatusSchema);

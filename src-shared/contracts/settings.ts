import { Type, type Static } from 'typebox';

const Rate = Type.Number({ minimum: 0, maximum: 1000, description: 'percent' });

export const RentalSettingsSchema = Type.Object({
  duration_limits: Type.Object({
    min_days: Type.Integer({ minimum: 1, maximum: 365 }),
    max_days: Type.Integer({ minimum: 1, maximum: 365 }),
  }),
  deposit: Type.Object({ default_rate: Rate }),
  penalty: Type.Object({
    overdue_fee_rate: Rate,
    cancellation_policy: Type.Enum(['flexible', 'moderate', 'strict']),
  }),
  rent_to_own: Type.Object({ enabled: Type.Boolean(), rent_deduction: Rate }),
});
export type RentalSettings = Static<typeof RentalSettingsSchema>;

export const RentalSettingsPatchSchema = Type.Object({
  duration_limits: Type.Optional(Type.Partial(RentalSettingsSchema.properties.duration_limits)),
  deposit: Type.Optional(Type.Partial(RentalSettingsSchema.properties.deposit)),
  penalty: Type.Optional(Type.Partial(RentalSettingsSchema.properties.penalty)),
  rent_to_own: Type.Optional(Type.Partial(RentalSettingsSchema.properties.rent_to_own)),
});

/** Seed 002's documented values, used until an admin changes them. */
export const DEFAULT_RENTAL_SETTINGS: RentalSettings = {
  duration_limits: { min_days: 1, max_days: 30 },
  deposit: { default_rate: 80 },
  penalty: { overdue_fee_rate: 150, cancellation_policy: 'flexible' },
  rent_to_own: { enabled: true, rent_deduction: 100 },
};

import type { App } from '#main/backend/http/app-type';
import { bearerSecurity, type AuthGuard } from '#main/backend/http/auth-guard';
import { errorResponses } from '#shared/contracts/common';
import { RentalSettingsPatchSchema, RentalSettingsSchema } from '#shared/contracts/settings';
import { Success, SuccessMessage } from '#shared/contracts/store';
import type { RentalSettingsService } from './rental-settings.ts';

/** Seed 002 `/admin/settings/rental`. */
export async function settingsRoutes(
  app: App,
  { rental, guard }: { rental: RentalSettingsService; guard: AuthGuard },
) {
  const admin = { preHandler: guard.required(['admin']) };
  const tags = ['settings'];
  const errors = errorResponses(400, 401, 403);

  app.get(
    '/admin/settings/rental',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Rental settings',
        security: bearerSecurity,
        response: { 200: Success(RentalSettingsSchema), ...errors },
      },
    },
    async () => ({ status: 'success' as const, code: 200, data: rental.current() }),
  );

  app.patch(
    '/admin/settings/rental',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Change rental settings (any part)',
        security: bearerSecurity,
        body: RentalSettingsPatchSchema,
        response: { 200: SuccessMessage, ...errors },
      },
    },
    async (req) => {
      rental.update(req.user!, req.body);
      return {
        status: 'success' as const,
        code: 200,
        message: 'Rental configuration updated successfully',
      };
    },
  );
}

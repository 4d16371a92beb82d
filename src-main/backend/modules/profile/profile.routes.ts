import { Type } from 'typebox';
import type { App } from '#main/backend/http/app-type';
import { okMessage } from '#main/backend/http/envelope';
import { bearerSecurity, type AuthGuard } from '#main/backend/http/auth-guard';
import { errorResponses } from '#shared/contracts/common';
import {
  AddressBodySchema,
  AddressParamsSchema,
  AddressPatchSchema,
  AddressSchema,
  ProfilePatchSchema,
  ProfileSchema,
} from '#shared/contracts/profile';
import { Success, SuccessMessage } from '#shared/contracts/store';
import type { Address } from './addresses.repo.ts';
import type { ProfileService } from './profile.service.ts';

const errors = errorResponses(400, 401, 404);
const view = (a: Address) => ({
  id: a.id,
  address_line1: a.addressLine1,
  city: a.city,
  postal_code: a.postalCode,
  phone_number: a.phoneNumber,
  is_default: a.isDefault,
});

/** Seed 002 `/user/profile` and `/user/addresses` for the signed-in account. */
export async function profileRoutes(
  app: App,
  { profile, guard }: { profile: ProfileService; guard: AuthGuard },
) {
  // Seed 002: "every endpoint in this section requires authentication with role customer".
  const common = { preHandler: guard.required(['customer']) };
  const tags = ['user'];
  const security = bearerSecurity;

  app.get(
    '/user/profile',
    {
      ...common,
      schema: {
        tags,
        summary: 'My profile',
        security,
        response: { 200: Success(ProfileSchema), ...errors },
      },
    },
    async (req) => {
      const u = req.user!;
      return {
        status: 'success' as const,
        code: 200,
        data: {
          first_name: u.firstName,
          last_name: u.lastName,
          email: u.email,
          phone: u.phone,
          avatar_url: u.avatarUrl,
        },
      };
    },
  );

  app.patch(
    '/user/profile',
    {
      ...common,
      schema: {
        tags,
        summary: 'Update my profile',
        security,
        body: ProfilePatchSchema,
        response: { 200: SuccessMessage, ...errors },
      },
    },
    async (req) => {
      profile.updateProfile(req.user!, req.body);
      return okMessage('Profile updated successfully');
    },
  );

  app.get(
    '/user/addresses',
    {
      ...common,
      schema: {
        tags,
        summary: 'My addresses, the default first',
        security,
        response: { 200: Success(Type.Array(AddressSchema)), ...errors },
      },
    },
    async (req) => ({
      status: 'success' as const,
      code: 200,
      data: profile.list(req.user!).map(view),
    }),
  );

  app.post(
    '/user/addresses',
    {
      ...common,
      schema: {
        tags,
        summary: 'Add an address',
        security,
        body: AddressBodySchema,
        response: { 200: Success(AddressSchema), ...errors },
      },
    },
    async (req) => ({
      ...okMessage('Address created successfully'),
      data: view(profile.create(req.user!, req.body)),
    }),
  );

  app.patch(
    '/user/addresses/:address_id',
    {
      ...common,
      schema: {
        tags,
        summary: 'Update an address (is_default: true makes it the only default)',
        security,
        params: AddressParamsSchema,
        body: AddressPatchSchema,
        response: { 200: SuccessMessage, ...errors },
      },
    },
    async (req) => {
      profile.update(req.user!, req.params.address_id, req.body);
      return okMessage('Address updated successfully');
    },
  );

  app.delete(
    '/user/addresses/:address_id',
    {
      ...common,
      schema: {
        tags,
        summary: 'Delete an address (not the default)',
        security,
        params: AddressParamsSchema,
        response: { 200: SuccessMessage, ...errors },
      },
    },
    async (req) => {
      profile.remove(req.user!, req.params.address_id);
      return okMessage('Address deleted successfully');
    },
  );
}

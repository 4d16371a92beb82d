import { badRequest, notFound } from '#main/backend/http/errors';
import type { Clock } from '#main/backend/lib/clock';
import type { AccountsRepo, User } from '#main/backend/modules/accounts/accounts.repo';
import { normalizePhone } from '#main/backend/modules/accounts/identifiers';
import type { Address, AddressesRepo } from './addresses.repo.ts';

const phone = (raw: string, field: string) => {
  const normalized = normalizePhone(raw);
  if (!normalized) throw badRequest('Số điện thoại không đúng định dạng Việt Nam', field);
  return normalized;
};

/**
 * A delivery contact number: any Vietnamese number, landline or mobile, of 9–11 digits after
 * the leading 0 or +84 (seed 002's own example address uses 0123456789). Only an account's
 * phone, which is also a login, must be a mobile number.
 */
const CONTACT_PHONE = /^(?:\+?84|0)(\d{8,10})$/;
const contactPhone = (raw: string, field: string) => {
  const match = CONTACT_PHONE.exec(raw.replace(/[\s.()-]/g, ''));
  if (!match) throw badRequest('Số điện thoại không đúng định dạng Việt Nam', field);
  return `0${match[1]}`;
};

/** Seed 002 profile and addresses; the one-default rule is kept inside each transaction. */
export function createProfileService(deps: {
  accounts: AccountsRepo;
  addresses: AddressesRepo;
  clock: Clock;
}) {
  const { accounts, addresses, clock } = deps;
  const at = () => clock.now().toISOString();

  function own(user: User, id: number): Address {
    const address = addresses.find(user.id, id);
    if (!address) throw notFound('Address not found');
    return address;
  }

  return {
    updateProfile(
      user: User,
      patch: {
        first_name?: string;
        last_name?: string;
        phone?: string;
        avatar_url?: string | null;
      },
    ): void {
      const newPhone = patch.phone === undefined ? user.phone : phone(patch.phone, 'phone');
      if (newPhone && newPhone !== user.phone && accounts.byPhone(newPhone)) {
        throw badRequest('Email hoặc số điện thoại đã được sử dụng', 'phone');
      }
      const firstName = patch.first_name?.trim() ?? user.firstName;
      const lastName = patch.last_name?.trim() ?? user.lastName;
      const fullName = [firstName, lastName].filter(Boolean).join(' ');
      accounts.updateProfile(
        user.id,
        {
          name: fullName || user.name,
          firstName,
          lastName,
          phone: newPhone,
          avatarUrl: patch.avatar_url !== undefined ? patch.avatar_url : user.avatarUrl,
        },
        at(),
      );
    },

    list: (user: User) => addresses.list(user.id),

    /** The first address becomes the default, as does one created with is_default. */
    create(
      user: User,
      body: {
        address_line1: string;
        city: string;
        postal_code?: string | null;
        phone_number: string;
        is_default?: boolean;
      },
    ): Address {
      const values = {
        addressLine1: body.address_line1.trim(),
        city: body.city.trim(),
        postalCode: body.postal_code ?? null,
        phoneNumber: contactPhone(body.phone_number, 'phone_number'),
      };
      return addresses.transaction(() => {
        const id = addresses.insert(user.id, values, at());
        const first = addresses.list(user.id).length === 1;
        if (first || body.is_default) addresses.makeDefault(user.id, id, at());
        return addresses.find(user.id, id)!;
      });
    },

    update(
      user: User,
      id: number,
      patch: {
        address_line1?: string;
        city?: string;
        postal_code?: string | null;
        phone_number?: string;
        is_default?: boolean;
      },
    ): void {
      const current = own(user, id);
      if (patch.is_default === false && current.isDefault) {
        throw badRequest('Set another address as default first', 'is_default');
      }
      addresses.transaction(() => {
        addresses.update(
          id,
          {
            addressLine1: patch.address_line1?.trim() ?? current.addressLine1,
            city: patch.city?.trim() ?? current.city,
            postalCode: patch.postal_code !== undefined ? patch.postal_code : current.postalCode,
            phoneNumber:
              patch.phone_number === undefined
                ? current.phoneNumber
                : contactPhone(patch.phone_number, 'phone_number'),
          },
          at(),
        );
        if (patch.is_default) addresses.makeDefault(user.id, id, at());
      });
    },

    remove(user: User, id: number): void {
      const current = own(user, id);
      if (current.isDefault) {
        throw badRequest(
          'Cannot delete default address. Please set another address as default first.',
        );
      }
      addresses.remove(id);
    },
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;

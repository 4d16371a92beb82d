import type { AppDb } from '#main/backend/db/client';

export interface Address {
  id: number;
  userId: number;
  addressLine1: string;
  city: string;
  postalCode: string | null;
  phoneNumber: string;
  isDefault: boolean;
}

const toAddress = (r: Record<string, unknown>): Address => ({
  id: r.id as number,
  userId: r.user_id as number,
  addressLine1: r.address_line1 as string,
  city: r.city as string,
  postalCode: r.postal_code as string | null,
  phoneNumber: r.phone_number as string,
  isDefault: r.is_default === 1,
});

export type AddressValues = Omit<Address, 'id' | 'userId' | 'isDefault'>;

/** Addresses; callers group writes in `transaction` so the one-default rule always holds. */
export function createAddressesRepo(db: AppDb) {
  const sqlite = db.$client;
  return {
    list(userId: number): Address[] {
      return (
        sqlite
          .prepare('select * from addresses where user_id = ? order by is_default desc, id')
          .all(userId) as Record<string, unknown>[]
      ).map(toAddress);
    },
    find(userId: number, id: number): Address | null {
      const row = sqlite
        .prepare('select * from addresses where id = ? and user_id = ?')
        .get(id, userId);
      return row ? toAddress(row as Record<string, unknown>) : null;
    },
    insert(userId: number, v: AddressValues, at: string): number {
      return Number(
        sqlite
          .prepare(
            `insert into addresses (user_id, address_line1, city, postal_code, phone_number, created_at, updated_at)
             values (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(userId, v.addressLine1, v.city, v.postalCode, v.phoneNumber, at, at).lastInsertRowid,
      );
    },
    update(id: number, v: AddressValues, at: string): void {
      sqlite
        .prepare(
          'update addresses set address_line1 = ?, city = ?, postal_code = ?, phone_number = ?, updated_at = ? where id = ?',
        )
        .run(v.addressLine1, v.city, v.postalCode, v.phoneNumber, at, id);
    },
    /** Makes `id` the user's only default (clears the old one first: the index allows one). */
    makeDefault(userId: number, id: number, at: string): void {
      sqlite
        .prepare('update addresses set is_default = 0 where user_id = ? and is_default = 1')
        .run(userId);
      sqlite
        .prepare('update addresses set is_default = 1, updated_at = ? where id = ?')
        .run(at, id);
    },
    remove: (id: number) => sqlite.prepare('delete from addresses where id = ?').run(id),
    transaction: <T>(fn: () => T): T => sqlite.transaction(fn)(),
  };
}

export type AddressesRepo = ReturnType<typeof createAddressesRepo>;

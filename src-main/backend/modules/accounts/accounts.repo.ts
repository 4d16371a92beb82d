import { and, count, eq, isNull, ne, sql } from 'drizzle-orm';
import type { AppDb } from '#main/backend/db/client';
import type { Role } from '#shared/contracts/roles';
import { users, type NewUserRow, type UserRow } from './users.table.ts';

export interface User {
  id: number;
  uuid: string;
  name: string;
  firstName: string | null;
  lastName: string | null;
  email: string;
  phone: string | null;
  avatarUrl: string | null;
  role: Role;
  status: 'ACTIVE' | 'BANNED';
  tokenVersion: number;
  passwordHash: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

const toUser = (row: UserRow): User => ({
  id: row.id,
  uuid: row.uuid,
  name: row.name,
  firstName: row.firstName,
  lastName: row.lastName,
  email: row.email,
  phone: row.phone,
  avatarUrl: row.avatarUrl,
  role: row.role,
  status: row.status,
  tokenVersion: row.tokenVersion,
  passwordHash: row.passwordHash,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  deletedAt: row.deletedAt,
});

export function createAccountsRepo(db: AppDb) {
  // Prepared once: the auth guard looks the account up on every request.
  const by = (
    column: typeof users.id | typeof users.uuid | typeof users.email | typeof users.phone,
  ) =>
    db
      .select()
      .from(users)
      .where(eq(column, sql.placeholder('value')))
      .prepare();
  const one = {
    id: by(users.id),
    uuid: by(users.uuid),
    email: by(users.email),
    phone: by(users.phone),
  };
  const find = (stmt: (typeof one)['id'], value: string | number): User | null => {
    const row = stmt.get({ value });
    return row ? toUser(row) : null;
  };

  return {
    byId: (id: number): User | null => find(one.id, id),
    byUuid: (uuid: string): User | null => find(one.uuid, uuid),
    byEmail: (email: string): User | null => find(one.email, email),
    byPhone: (phone: string): User | null => find(one.phone, phone),
    insert(values: NewUserRow): User {
      return toUser(db.insert(users).values(values).returning().get());
    },
    setRole(id: number, role: Role, at: string): User {
      const row = db
        .update(users)
        .set({ role, updatedAt: at })
        .where(eq(users.id, id))
        .returning()
        .get();
      return toUser(row!);
    },
    updateProfile(
      id: number,
      values: Pick<User, 'name' | 'firstName' | 'lastName' | 'phone' | 'avatarUrl'>,
      at: string,
    ): void {
      db.update(users)
        .set({ ...values, updatedAt: at })
        .where(eq(users.id, id))
        .run();
    },
    countActive(): { all: number; staff: number } {
      const live = isNull(users.deletedAt);
      const all = db.select({ n: count() }).from(users).where(live).get()!.n;
      const staff = db
        .select({ n: count() })
        .from(users)
        .where(and(live, ne(users.role, 'customer')))
        .get()!.n;
      return { all, staff };
    },
    transaction<T>(fn: () => T): T {
      return db.transaction(() => fn());
    },
  };
}

export type AccountsRepo = ReturnType<typeof createAccountsRepo>;

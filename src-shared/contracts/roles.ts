export const ROLES = ['customer', 'product_staff', 'order_staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES: readonly Role[] = ['product_staff', 'order_staff', 'admin'];

/** Staff see every customer's orders and sessions; a customer sees only their own. */
export const isStaffRole = (role: Role): boolean => STAFF_ROLES.includes(role);

/**
 * Seed 001 names the customer role "user"; its `/users/*` views show and accept that name,
 * every other route uses the SPEC's role names.
 */
export const toSeed001Role = (role: Role): string => (role === 'customer' ? 'user' : role);
export const fromSeed001Role = (role: string): Role | null =>
  role === 'user'
    ? 'customer'
    : (ROLES as readonly string[]).includes(role)
      ? (role as Role)
      : null;

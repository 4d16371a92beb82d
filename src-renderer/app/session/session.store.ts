import { STAFF_ROLES, type Role } from '#shared/contracts/roles';

export type StaffRole = Exclude<Role, 'customer'>;

/** Who is signed in to the console. The token is the only secret; name and role are for display. */
export interface Session {
  token: string;
  name: string;
  role: StaffRole;
}

const KEYS = {
  token: 'cartstation.token',
  name: 'cartstation.name',
  role: 'cartstation.role',
} as const;

export function isStaffRole(role: string): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role);
}

/**
 * The saved session, or null. A stored non-staff role is treated as signed out: the backend
 * would refuse every console call anyway, and the console must not render for customers.
 */
export function readSession(): Session | null {
  try {
    const token = localStorage.getItem(KEYS.token);
    const role = localStorage.getItem(KEYS.role);
    if (!token || !role || !isStaffRole(role)) return null;
    return { token, role, name: localStorage.getItem(KEYS.name) ?? '' };
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  localStorage.setItem(KEYS.token, session.token);
  localStorage.setItem(KEYS.name, session.name);
  localStorage.setItem(KEYS.role, session.role);
}

export function clearSession(): void {
  try {
    for (const key of Object.values(KEYS)) localStorage.removeItem(key);
  } catch {
    // Nothing was stored if storage is unavailable.
  }
}

/** True when a `storage` event (another tab) touched the session. */
export function isSessionKey(key: string | null): boolean {
  return key === null || (Object.values(KEYS) as string[]).includes(key);
}

/**
 * The shopper signed in on this phone. Kept apart from the console's session (other keys, any
 * role) so a staff member testing the phone app on the counter PC does not sign the console out.
 */
export interface PhoneSession {
  token: string;
  name: string;
}

const KEYS = { token: 'cartstation.phone.token', name: 'cartstation.phone.name' } as const;

export function readPhoneSession(): PhoneSession | null {
  try {
    const token = localStorage.getItem(KEYS.token);
    return token ? { token, name: localStorage.getItem(KEYS.name) ?? '' } : null;
  } catch {
    return null;
  }
}

export function savePhoneSession(session: PhoneSession): void {
  try {
    localStorage.setItem(KEYS.token, session.token);
    localStorage.setItem(KEYS.name, session.name);
  } catch {
    // Private browsing without storage: the session lasts until the page is closed.
  }
}

export function clearPhoneSession(): void {
  try {
    for (const key of Object.values(KEYS)) localStorage.removeItem(key);
  } catch {
    // Nothing was stored.
  }
}

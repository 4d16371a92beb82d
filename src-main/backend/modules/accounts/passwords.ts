import argon2 from 'argon2';

/**
 * argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane): memory-hard against GPU guessing,
 * while a login on the store PC's two cores still takes tens of milliseconds. Hashing runs on
 * libuv's thread pool, so it never blocks the event loop.
 */
const OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const hashPassword = (password: string) => argon2.hash(password, OPTIONS);

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false; // a malformed stored hash never matches
  }
}

let dummy: Promise<string> | null = null;

/** Spends the same time as a real check, so unknown accounts can't be told apart by timing. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword('cartstation-timing-equaliser');
  await verifyPassword(await dummy, password);
}

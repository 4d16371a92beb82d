import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { Clock } from '#main/backend/lib/clock';
import { LruCache } from '#main/backend/lib/lru-cache';
import type { Role } from '#shared/contracts/roles';

/** Seed 001's `/users/login` documents `expires_in: 86400`. */
export const ACCESS_TOKEN_TTL_SECONDS = 86_400;
/** Seed 002's `/auth/login`: "Token có thời hạn: 30 ngày (720 giờ)". */
export const STORE_TOKEN_TTL_SECONDS = 30 * 86_400;
const ISSUER = 'cartstation';

export interface AccessClaims {
  /** The account's UUID. */
  sub: string;
  role: Role;
  /** Token version: tokens older than the account's current version are revoked. */
  tv: number;
}

/**
 * The per-store signing secret: created on first start, kept in the data directory with
 * owner-only permissions. Each store signs its own tokens; a token from another store's
 * terminal is worthless here.
 */
export function loadOrCreateSecret(dataDir: string): Uint8Array {
  const file = join(dataDir, 'jwt-secret.key');
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(64).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  const secret = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
  if (secret.length < 32) throw new Error(`${file} holds a secret shorter than 32 bytes`);
  return secret;
}

/** Verified tokens kept so a phone's every request doesn't pay for an HMAC check again. */
const VERIFIED_CACHE_SIZE = 10_000;

export function createTokenService(secret: Uint8Array, clock: Clock) {
  // Token text → its claims and expiry. A token's signature never changes, so a verified one
  // stays verified until it expires; revocation is the guard's job (token version, bans).
  const verified = new LruCache<string, { claims: AccessClaims; exp: number }>(VERIFIED_CACHE_SIZE);
  return {
    async issue(claims: AccessClaims, ttlSeconds = ACCESS_TOKEN_TTL_SECONDS): Promise<string> {
      const now = Math.floor(clock.now().getTime() / 1000);
      return new SignJWT({ role: claims.role, tv: claims.tv })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(claims.sub)
        .setIssuer(ISSUER)
        .setIssuedAt(now)
        .setExpirationTime(now + ttlSeconds)
        .sign(secret);
    },

    /** Null for anything not a valid, unexpired HS256 token of this store (alg=none included). */
    async verify(token: string): Promise<AccessClaims | null> {
      const known = verified.get(token);
      if (known && known.exp > clock.now().getTime() / 1000) return known.claims;
      try {
        const { payload } = await jwtVerify(token, secret, {
          algorithms: ['HS256'],
          issuer: ISSUER,
          currentDate: clock.now(),
          requiredClaims: ['sub', 'exp', 'iat'],
        });
        if (typeof payload.role !== 'string' || typeof payload.tv !== 'number') return null;
        const claims = { sub: payload.sub!, role: payload.role as Role, tv: payload.tv };
        verified.set(token, { claims, exp: payload.exp! });
        return claims;
      } catch (err) {
        if (err instanceof errors.JOSEError || err instanceof TypeError) return null;
        throw err;
      }
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;

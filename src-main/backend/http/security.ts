import cors from '@fastify/cors';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import rateLimit from '@fastify/rate-limit';
import type { App } from '#main/backend/http/app-type';
import { ErrorCode } from '#shared/errors';

const PRIVATE_HOST =
  /^(localhost|127\.\d+\.\d+\.\d+|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+|\[::1\]|[a-z0-9-]+\.local)$/i;

/** Browsers on the store's LAN (phones, a second counter PC) may call the API; nobody else. */
export function isLanOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') && PRIVATE_HOST.test(url.hostname)
    );
  } catch {
    return false;
  }
}

export async function registerSecurity(app: App, limits: { perMinute: number }): Promise<void> {
  await app.register(cors, {
    origin: (origin, cb) => cb(null, origin === undefined || isLanOrigin(origin)),
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
  });
  const securityHeaders = helmetHeaders();
  // Static directives never vary per request, so the headers are computed once by helmet and
  // copied onto every reply: helmet's per-request middleware halved the API's throughput.
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(securityHeaders);
    done();
  });
  await app.register(rateLimit, {
    global: limits.perMinute > 0,
    max: limits.perMinute > 0 ? limits.perMinute : 1_000_000,
    timeWindow: '1 minute',
    errorResponseBuilder: (_req, ctx) =>
      Object.assign(new Error(`Too many requests; retry in ${Math.ceil(ctx.ttl / 1000)} s`), {
        statusCode: 429,
        code: ErrorCode.rateLimited,
      }),
  });
}

/** The headers helmet sets for Cartstation's policy, captured once from its middleware. */
export function helmetHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  };
  helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        // The console runs on the LAN over plain HTTP; upgrading would break every phone.
        upgradeInsecureRequests: null,
      },
    },
    // Same reason: HSTS on a LAN address would lock browsers out of http://.
    strictTransportSecurity: false,
  })({} as IncomingMessage, res as unknown as ServerResponse, () => undefined);
  return headers;
}

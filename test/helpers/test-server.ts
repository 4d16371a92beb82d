import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '#main/backend/config';
import { createBackend, type Backend } from '#main/backend/index';
import type { UsbBusLike } from '#main/backend/drivers/usb/usb.transport';
import type { Clock } from '#main/backend/lib/clock';

export interface TestServer {
  url: string;
  dataDir: string;
  backend: Backend;
  /** JSON request against the running server over real HTTP on loopback. */
  request(method: string, path: string, options?: RequestOptions): Promise<TestResponse>;
  /** Logs in through POST /auth/login and returns the access token. */
  login(identifier: string, password: string): Promise<string>;
  stop(): Promise<void>;
}

export interface RequestOptions {
  body?: unknown;
  /** Sent as-is, for malformed-body tests. */
  rawBody?: string;
  token?: string;
  headers?: Record<string, string>;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  // Tests read whatever shape the route documents.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  text: string;
}

export const ADMIN = { email: 'admin@store.test', password: 'admin-pass-123' };

/**
 * Starts the real backend on an ephemeral port of 127.0.0.1 with a fresh data directory.
 * `env` overrides the configuration exactly as the environment would.
 */
export async function startTestServer(
  options: {
    env?: Record<string, string>;
    clock?: Clock;
    dataDir?: string;
    /** Passed to createBackend; left out, the backend opens the machine's real USB bus. */
    usbBus?: UsbBusLike | null;
  } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'cartstation-test-'));
  const config = loadConfig({
    CARTSTATION_DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    CARTSTATION_DEMO: 'false',
    CARTSTATION_ADMIN_EMAIL: ADMIN.email,
    CARTSTATION_ADMIN_PASSWORD: ADMIN.password,
    CARTSTATION_RATE_LIMIT: '0',
    CARTSTATION_LOGIN_RATE_LIMIT: '1000',
    ...options.env,
  });
  const backend = await createBackend({ config, clock: options.clock, usbBus: options.usbBus });
  const url = (await backend.start()).replace('localhost', '127.0.0.1');

  async function request(
    method: string,
    path: string,
    o: RequestOptions = {},
  ): Promise<TestResponse> {
    const headers: Record<string, string> = { ...o.headers };
    let body: string | undefined;
    if (o.rawBody !== undefined) body = o.rawBody;
    else if (o.body !== undefined) body = JSON.stringify(o.body);
    if (body !== undefined && !headers['content-type'])
      headers['content-type'] = 'application/json';
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    const res = await fetch(url + path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  }

  return {
    url,
    dataDir,
    backend,
    request,
    async login(identifier, password) {
      const res = await request('POST', '/auth/login', { body: { identifier, password } });
      if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text}`);
      return res.body.access_token as string;
    },
    async stop() {
      await backend.stop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Row count of a table, read directly from the store's SQLite file. */
export function countRows(server: TestServer, table: string): number {
  return (
    server.backend.store.db.$client.prepare(`select count(*) as n from ${table}`).get() as {
      n: number;
    }
  ).n;
}

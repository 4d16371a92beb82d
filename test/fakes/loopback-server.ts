import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the fakes see it: raw query and body kept, so signatures are checked as sent. */
export interface LoopbackRequest {
  method: string;
  path: string;
  rawQuery: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** The body parsed as JSON, or undefined when it is empty or not JSON. */
  json: unknown;
}

export interface LoopbackReply {
  status: number;
  body?: unknown;
  contentType?: string;
}

export interface LoopbackServer {
  /** http://127.0.0.1:PORT, no trailing slash. */
  url: string;
  /** Every request received, in order. */
  requests: LoopbackRequest[];
  close(): Promise<void>;
}

function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A node:http server on 127.0.0.1 with an OS-chosen port. The handler may take its time (a
 * gateway that hangs); if the client has gone by then, the late answer is dropped quietly.
 */
export async function startLoopbackServer(
  handle: (request: LoopbackRequest) => Promise<LoopbackReply> | LoopbackReply,
): Promise<LoopbackServer> {
  const requests: LoopbackRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const target = new URL(req.url ?? '/', 'http://127.0.0.1');
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const request: LoopbackRequest = {
        method: req.method ?? 'GET',
        path: target.pathname,
        rawQuery: target.search.slice(1),
        query: Object.fromEntries(target.searchParams),
        headers: req.headers,
        rawBody,
        json: parseJson(rawBody),
      };
      requests.push(request);
      void Promise.resolve()
        .then(() => handle(request))
        .catch((error: unknown) => ({ status: 500, body: { error: String(error) } }))
        .then((reply: LoopbackReply) => {
          if (res.destroyed || res.writableEnded) return;
          const text =
            reply.body === undefined
              ? ''
              : typeof reply.body === 'string'
                ? reply.body
                : JSON.stringify(reply.body);
          const type = reply.contentType ?? 'application/json; charset=utf-8';
          res.writeHead(reply.status, text ? { 'content-type': type } : {});
          res.end(text);
        });
    });
    res.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface Delivery {
  status: number;
  /** The answer parsed as JSON, else its text ('' for none). */
  body: unknown;
  contentType: string | null;
}

/** Sends a notification the way a gateway does and reports the merchant's answer. */
export async function deliver(
  url: string,
  init: { method: 'GET' | 'POST'; json?: unknown },
): Promise<Delivery> {
  const response = await fetch(url, {
    method: init.method,
    headers: init.json === undefined ? {} : { 'content-type': 'application/json' },
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: parseJson(text) ?? text,
    contentType: response.headers.get('content-type'),
  };
}

/** An address nothing listens on: a server is opened, its port noted, then closed. */
export async function deadAddress(): Promise<string> {
  const server = await startLoopbackServer(() => ({ status: 200 }));
  await server.close();
  return server.url;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

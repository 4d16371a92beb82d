import fastifyStatic from '@fastify/static';
import type { App } from '#main/backend/http/app-type';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Cartstation</title>
<p>The console has not been built. Run <code>npm run build</code> (or <code>npm start</code>).
The API is running: see <a href="/docs">/docs</a>.</p>`;

/** The built console at `/` and the demo store's product images under `/media/demo/`. */
export async function registerStaticFiles(
  app: App,
  dirs: { console: string; resources: string },
): Promise<void> {
  if (existsSync(join(dirs.console, 'index.html'))) {
    // wildcard: false registers one route per built file, so API 404s stay JSON.
    await app.register(fastifyStatic, {
      root: dirs.console,
      wildcard: false,
      index: 'index.html',
      schemaHide: true,
    });
  } else {
    app.get('/', { schema: { hide: true } }, async (_req, reply) =>
      reply.type('text/html; charset=utf-8').send(NOT_BUILT),
    );
  }
  await app.register(fastifyStatic, {
    root: join(dirs.resources, 'demo', 'images'),
    prefix: '/media/demo/',
    decorateReply: false,
    schemaHide: true,
  });
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'vitest';
import { createFrameDecoder } from '#main/backend/drivers/cart-link/frame.codec';
import { createSimCart } from '#main/cart-sim/sim-cart';
import { openSerial } from '#main/cart-sim/sim-transports';
import { socatLine } from '#test/helpers/socat-line';
import { sleep } from '#test/helpers/poll';
import { ADMIN, startTestServer } from '#test/helpers/test-server';

it('debug unpaired', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dbg-'));
  const l = socatLine(dir, 'x');
  await l.start();
  const server = await startTestServer({ env: { CARTSTATION_DEMO: 'true', LOG_LEVEL: process.env.DBG_LOG ?? 'silent', CARTSTATION_SERIAL_PORTS: l.term } });
  const admin = await server.login(ADMIN.email, ADMIN.password);
  const t0 = performance.now();
  const log = (...a: unknown[]) => console.log(Math.round(performance.now() - t0), ...a);
  const listen = await openSerial(l.cart);
  await new Promise<void>((resolve) => {
    const d = createFrameDecoder((f) => { log('listener saw', f.type, f.seq); if (f.type === 7) resolve(); }, () => undefined);
    listen.onData((c) => d.push(c));
  });
  await listen.close();
  const first = createSimCart(await openSerial(l.cart), { cartId: 'CART-NEW-1', key: '11'.repeat(32) });
  try { await first.connect(5000); log('welcomed?!'); } catch (e) { log('first:', (e as Error).message, JSON.stringify(first.stats())); }
  await first.close();
  const paired = await server.request('POST', '/api/v1/devices', { token: admin, body: { name: 'new', cart_code: 'CART-NEW-1' } });
  log('paired', paired.status);
  await sleep(1000);
  const second = createSimCart(await openSerial(l.cart), { cartId: 'CART-NEW-1', key: paired.body.data.key });
  try { await second.connect(8000); log('second welcomed'); } catch (e) { log('second:', (e as Error).message, JSON.stringify(second.stats()), JSON.stringify(second.received)); }
  await second.close();
  await server.stop();
  await l.stop();
}, 30000);

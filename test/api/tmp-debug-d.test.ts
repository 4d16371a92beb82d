import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createSimCart } from '#main/cart-sim/sim-cart';
import { openSerial } from '#main/cart-sim/sim-transports';
import { pairCart } from '#test/helpers/carts';
import { sleep } from '#test/helpers/poll';
import { socatLine } from '#test/helpers/socat-line';
import { ADMIN, startTestServer } from '#test/helpers/test-server';

it('debug d', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dbg-'));
  const l = socatLine(dir, 'x');
  await l.start();
  const server = await startTestServer({ env: { CARTSTATION_DEMO: 'true', LOG_LEVEL: 'debug', CARTSTATION_SERIAL_PORTS: l.term } });
  const admin = await server.login(ADMIN.email, ADMIN.password);
  const cart = await pairCart(server, admin, 'x');
  const t0 = performance.now();
  const log = (...a: unknown[]) => console.log(Math.round(performance.now() - t0), ...a);
  await sleep(Number(process.env.IDLE ?? 0));
  log('start');
  const bad = createSimCart(await openSerial(l.cart), { cartId: cart.cart_code, key: '00'.repeat(32) });
  await expect(bad.connect(8000)).rejects.toThrow('bad key');
  log('refused', bad.stats());
  await sleep(Number(process.env.BEFORE_CLOSE ?? 0));
  await bad.close();
  await sleep(1000);
  log('real connect');
  const real = createSimCart(await openSerial(l.cart), { cartId: cart.cart_code, key: cart.key });
  try { await real.connect(8000); log('welcome'); } catch (e) { log('fail', (e as Error).message, real.stats(), real.received); }
  await real.close();
  await server.stop();
  await l.stop();
}, 30000);

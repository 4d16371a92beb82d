import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectSimCart, liveClient, pairCart } from '#test/helpers/carts';
import { ADMIN, startTestServer } from '#test/helpers/test-server';

const dataDir = mkdtempSync(join(tmpdir(), 'cartstation-live-restart-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const env = { CARTSTATION_DEMO: 'true', CARTSTATION_CART_TCP_PORT: '0' };

describe('live updates across a terminal restart', () => {
  it('sends a snapshot to a phone whose missed events were lost with the restart', async () => {
    let server = await startTestServer({ env, dataDir });
    const admin = await server.login(ADMIN.email, ADMIN.password);
    const cart = await pairCart(server, admin);
    const sim = await connectSimCart(server, cart);
    const bound = await server.request('POST', '/api/v1/sessions', {
      token: admin,
      body: { qr: cart.qr_payload },
    });
    const sessionId = bound.body.data.id as string;
    await sim.scan('8930001000018');
    const phone = await liveClient(server, { token: admin, session: sessionId });
    const added = await phone.until((m) => m.event === 'item_added' || m.type === 'snapshot');
    const seen = added.version!;
    phone.close();
    await sim.scan('8930001000018'); // the phone misses this one
    await new Promise((r) => setTimeout(r, 200));
    await sim.close();
    await server.stop();

    server = await startTestServer({ env, dataDir });
    try {
      const again = await liveClient(server, {
        token: admin,
        session: sessionId,
        since: String(seen),
      });
      const snapshot = await again.until((m) => m.type === 'snapshot');
      expect(snapshot.version).toBeGreaterThan(seen);
      expect(snapshot.data.items[0]).toMatchObject({ quantity: 2 });
      again.close();
    } finally {
      await server.stop();
    }
  });
});

// Baseline for the smart-cart benchmark: the least a terminal can do. Carts send one JSON line
// per event over TCP; a scan bumps its session's version and quantity in memory and is
// broadcast, in the terminal's live-event shape, to the WebSocket clients watching that
// session. No protocol, no database, no auth: the floor the real terminal is compared with.
import { createServer } from 'node:net';
import { WebSocketServer } from 'ws';

const watchers = new Map(); // session → Set<WebSocket>
const sessions = new Map(); // session → { version, quantities: Map<barcode, n> }

const wss = new WebSocketServer({ host: '127.0.0.1', port: Number(process.env.PORT) });
wss.on('connection', (socket, req) => {
  const session = new URL(req.url, 'http://x').searchParams.get('session') ?? '';
  if (!watchers.has(session)) watchers.set(session, new Set());
  watchers.get(session).add(socket);
  socket.on('close', () => watchers.get(session)?.delete(socket));
  socket.send(JSON.stringify({ type: 'snapshot', session, version: 0 }));
});

function onLine(line) {
  const m = JSON.parse(line);
  if (m.type !== 'scan') return; // weight changes arrive too, as on the real line, and match
  let s = sessions.get(m.session);
  if (!s) sessions.set(m.session, (s = { version: 0, quantities: new Map() }));
  const quantity = (s.quantities.get(m.barcode) ?? 0) + 1;
  s.quantities.set(m.barcode, quantity);
  const text = JSON.stringify({
    type: 'event',
    session: m.session,
    version: ++s.version,
    event: 'item_added',
    data: { barcode: m.barcode, quantity },
  });
  for (const socket of watchers.get(m.session) ?? []) socket.send(text);
}

const carts = createServer((socket) => {
  socket.setNoDelay(true);
  let buffered = '';
  socket.on('data', (chunk) => {
    buffered += chunk;
    let end;
    while ((end = buffered.indexOf('\n')) >= 0) {
      onLine(buffered.slice(0, end));
      buffered = buffered.slice(end + 1);
    }
  });
  socket.on('error', () => undefined);
});
carts.listen(Number(process.env.CART_TCP_PORT), '127.0.0.1');

process.on('SIGTERM', () => {
  for (const c of wss.clients) c.terminate();
  wss.close();
  carts.close();
  process.exit(0);
});

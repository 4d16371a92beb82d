// Baseline for the checkout benchmark: the least a shop can do for the same four requests.
// Bare Fastify and better-sqlite3 with the terminal's pragmas; stock taken with a conditional
// update in the checkout's transaction, a payment row per order, a webhook that marks it paid
// once. No auth, no validation, no gateway call, no signatures: the floor the terminal is
// compared with.
import Database from 'better-sqlite3';
import Fastify from 'fastify';

const db = new Database(process.env.DB_FILE);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`
  create table variants (id integer primary key, price integer not null, stock integer not null);
  create table cart (user integer not null, variant integer not null, quantity integer not null);
  create table orders (id integer primary key, user integer not null, total integer not null,
    paid integer not null default 0);
  create table lines (order_id integer not null, variant integer not null, quantity integer not null);
  create table payments (code integer primary key, order_id integer not null,
    amount integer not null, status text not null, paid_at text);
  create table transfers (reference text primary key, code integer not null);
`);
const insertVariant = db.prepare('insert into variants (id, price, stock) values (?, ?, ?)');
insertVariant.run(1, 65_000, Number(process.env.PLENTY_STOCK));
insertVariant.run(2, 120_000, Number(process.env.SCARCE_STOCK));

const q = {
  variant: db.prepare('select * from variants where id = ?'),
  addLine: db.prepare('insert into cart (user, variant, quantity) values (?, ?, ?)'),
  cartOf: db.prepare('select * from cart where user = ?'),
  take: db.prepare('update variants set stock = stock - ? where id = ? and stock >= ?'),
  order: db.prepare('insert into orders (user, total) values (?, 0)'),
  line: db.prepare('insert into lines (order_id, variant, quantity) values (?, ?, ?)'),
  total: db.prepare('update orders set total = ? where id = ?'),
  clearCart: db.prepare('delete from cart where user = ?'),
  orderById: db.prepare('select * from orders where id = ?'),
  payment: db.prepare("insert into payments (order_id, amount, status) values (?, ?, 'pending')"),
  transfer: db.prepare('insert or ignore into transfers (reference, code) values (?, ?)'),
  markPaid: db.prepare(
    "update payments set status = 'paid', paid_at = ? where code = ? and status = 'pending' returning order_id",
  ),
  paidOrder: db.prepare('update orders set paid = 1 where id = ?'),
  paymentsOf: db.prepare('select * from payments where order_id = ? order by code'),
};

class OutOfStock extends Error {}
const checkout = db.transaction((user) => {
  const order = Number(q.order.run(user).lastInsertRowid);
  let total = 0;
  for (const line of q.cartOf.all(user)) {
    if (q.take.run(line.quantity, line.variant, line.quantity).changes === 0)
      throw new OutOfStock();
    q.line.run(order, line.variant, line.quantity);
    total += q.variant.get(line.variant).price * line.quantity;
  }
  q.total.run(total, order);
  q.clearCart.run(user);
  return order;
});
const webhook = db.transaction((reference, code) => {
  if (q.transfer.run(reference, code).changes === 0) return; // seen before
  const paid = q.markPaid.get(new Date().toISOString(), code);
  if (paid) q.paidOrder.run(paid.order_id);
});

const app = Fastify();
app.get('/', async () => ({ ok: true }));
app.post('/cart', async (req, reply) => {
  const { user, variant, quantity } = req.body;
  if (q.variant.get(variant).stock < quantity) return reply.status(400).send({ error: 'stock' });
  q.addLine.run(user, variant, quantity);
  return reply.status(201).send({ ok: true });
});
app.post('/checkout', async (req, reply) => {
  try {
    return { order_id: checkout(req.body.user) };
  } catch (error) {
    if (error instanceof OutOfStock) return reply.status(409).send({ error: 'stock' });
    throw error;
  }
});
app.post('/orders/:id/payments', async (req, reply) => {
  const order = q.orderById.get(Number(req.params.id));
  const code = Number(q.payment.run(order.id, order.total).lastInsertRowid);
  return reply.status(201).send({ code, amount: order.total });
});
app.get('/orders/:id/payments', async (req) => ({ data: q.paymentsOf.all(Number(req.params.id)) }));
app.post('/webhook', async (req) => {
  webhook(req.body.reference, req.body.code);
  return { success: true };
});
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));

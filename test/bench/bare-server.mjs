// Baseline for the catalog benchmark: a bare Fastify route running one indexed better-sqlite3
// query for a page of 20 products, on the same database file.
import Database from 'better-sqlite3';
import Fastify from 'fastify';

const db = new Database(process.env.DB_FILE, { readonly: true });
const page = db.prepare(
  'select id, name, min_price, created_at from products where deleted_at is null order by id desc limit 20 offset ?',
);
const app = Fastify();
app.get('/bare', async (req) => ({ data: page.all((Number(req.query.page ?? 1) - 1) * 20) }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));

import type { Database, Statement } from 'better-sqlite3';

/**
 * Prepares each SQL text once per database. Compiling a statement costs more than running a
 * simple one, so repositories whose SQL depends on the call (or is only needed sometimes) get
 * the compiled statement back on later calls. Each call site should keep its own SQL text:
 * modes such as `.pluck()` stick to the shared statement.
 */
export function statementCache(sqlite: Database): (sql: string) => Statement {
  const cache = new Map<string, Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (!statement) cache.set(sql, (statement = sqlite.prepare(sql)));
    return statement;
  };
}

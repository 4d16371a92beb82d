import type { Statement } from 'better-sqlite3';

/**
 * Rows are addressed by local integer id (seed 002 style) or by UUID (seed 001 style); a path
 * parameter may be either. Reads one row with whichever statement fits the reference.
 */
export function rowByRef(ref: string | number, byId: Statement, byUuid: Statement): unknown {
  const text = String(ref);
  return /^\d+$/.test(text) ? byId.get(Number(text)) : byUuid.get(text.toLowerCase());
}

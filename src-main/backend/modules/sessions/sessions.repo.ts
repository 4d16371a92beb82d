import type { AppDb } from '#main/backend/db/client';
import { rowByRef } from '#main/backend/db/ref';

export type SessionStatus = 'active' | 'checkout' | 'completed' | 'abandoned' | 'expired';

export interface ShoppingSession {
  id: number;
  uuid: string;
  deviceId: number;
  userId: number;
  customerName: string;
  cartCode: string;
  status: SessionStatus;
  version: number;
  startedAt: string;
  lastActivityAt: string;
  endedAt: string | null;
}

export interface SessionException {
  id: number;
  sessionId: number;
  kind: string;
  detail: Record<string, unknown>;
  status: 'open' | 'resolved';
  resolution: string | null;
  createdAt: string;
  resolvedAt: string | null;
}

const SELECT = `
  select s.*, u.name as customer_name, d.cart_code
  from shopping_sessions s join users u on u.id = s.user_id join devices d on d.id = s.device_id`;

const toSession = (r: Record<string, unknown>): ShoppingSession => ({
  id: r.id as number,
  uuid: r.uuid as string,
  deviceId: r.device_id as number,
  userId: r.user_id as number,
  customerName: r.customer_name as string,
  cartCode: r.cart_code as string,
  status: r.status as SessionStatus,
  version: r.version as number,
  startedAt: r.started_at as string,
  lastActivityAt: r.last_activity_at as string,
  endedAt: r.ended_at as string | null,
});

const toException = (r: Record<string, unknown>): SessionException => ({
  id: r.id as number,
  sessionId: r.session_id as number,
  kind: r.kind as string,
  detail: JSON.parse(r.detail as string) as Record<string, unknown>,
  status: r.status as 'open' | 'resolved',
  resolution: r.resolution as string | null,
  createdAt: r.created_at as string,
  resolvedAt: r.resolved_at as string | null,
});

export function createSessionsRepo(db: AppDb) {
  const sqlite = db.$client;
  const OPEN = "s.status in ('active','checkout')";
  const byId = sqlite.prepare(`${SELECT} where s.id = ?`);
  const byUuid = sqlite.prepare(`${SELECT} where s.uuid = ?`);
  const openForDevice = sqlite.prepare(`${SELECT} where s.device_id = ? and ${OPEN}`);
  const openForUser = sqlite.prepare(`${SELECT} where s.user_id = ? and ${OPEN}`);
  const open = sqlite.prepare(`${SELECT} where ${OPEN} order by s.id`);
  const bump = sqlite.prepare(
    'update shopping_sessions set version = version + 1, last_activity_at = ? where id = ? returning version',
  );
  const one = (row: unknown) => (row ? toSession(row as Record<string, unknown>) : null);

  return {
    find(ref: string | number): ShoppingSession | null {
      return one(rowByRef(ref, byId, byUuid));
    },
    openForDevice: (deviceId: number) => one(openForDevice.get(deviceId)),
    openForUser: (userId: number) => one(openForUser.get(userId)),
    allOpen: () => (open.all() as Record<string, unknown>[]).map(toSession),
    /** Throws SQLITE_CONSTRAINT_UNIQUE when the cart or the customer already has one open. */
    create(uuid: string, deviceId: number, userId: number, at: string): number {
      return Number(
        sqlite
          .prepare(
            `insert into shopping_sessions (uuid, device_id, user_id, started_at, last_activity_at)
             values (?, ?, ?, ?, ?)`,
          )
          .run(uuid, deviceId, userId, at, at).lastInsertRowid,
      );
    },
    /** Next version number; call inside the transaction that made the change. */
    bump: (id: number, at: string) => (bump.get(at, id) as { version: number }).version,
    setStatus(id: number, status: SessionStatus, at: string, by: number | null): void {
      const ended = status === 'active' || status === 'checkout' ? null : at;
      sqlite
        .prepare(
          'update shopping_sessions set status = ?, ended_at = ?, ended_by = ?, last_activity_at = ? where id = ?',
        )
        .run(status, ended, by, at, id);
    },
    /** Open sessions idle since before `cutoff`. */
    idleSince(cutoff: string): ShoppingSession[] {
      return (
        sqlite
          .prepare(`${SELECT} where s.status = 'active' and s.last_activity_at < ?`)
          .all(cutoff) as Record<string, unknown>[]
      ).map(toSession);
    },

    addException(sessionId: number, kind: string, detail: object, at: string): SessionException {
      const { lastInsertRowid } = sqlite
        .prepare(
          'insert into session_exceptions (session_id, kind, detail, created_at) values (?, ?, ?, ?)',
        )
        .run(sessionId, kind, JSON.stringify(detail), at);
      return this.exception(Number(lastInsertRowid))!;
    },
    exception(id: number): SessionException | null {
      const row = sqlite.prepare('select * from session_exceptions where id = ?').get(id);
      return row ? toException(row as Record<string, unknown>) : null;
    },
    exceptions(sessionId: number): SessionException[] {
      return (
        sqlite
          .prepare('select * from session_exceptions where session_id = ? order by id')
          .all(sessionId) as Record<string, unknown>[]
      ).map(toException);
    },
    openExceptionCount(sessionId: number): number {
      return sqlite
        .prepare("select count(*) from session_exceptions where session_id = ? and status = 'open'")
        .pluck()
        .get(sessionId) as number;
    },
    resolveException(id: number, resolution: string, by: number, at: string): void {
      sqlite
        .prepare(
          "update session_exceptions set status = 'resolved', resolution = ?, resolved_by = ?, resolved_at = ? where id = ?",
        )
        .run(resolution, by, at, id);
    },
    transaction<T>(fn: () => T): T {
      return sqlite.transaction(fn)();
    },
  };
}

export type SessionsRepo = ReturnType<typeof createSessionsRepo>;

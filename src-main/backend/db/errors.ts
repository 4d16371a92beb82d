/** A write refused by a UNIQUE index: the database decided a race between two requests. */
export const isUniqueViolation = (err: unknown) =>
  (err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';

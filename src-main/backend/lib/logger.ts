import pino, { type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

export function createLogger(level: LevelWithSilent = 'info'): Logger {
  return pino({
    level,
    base: { app: 'cartstation' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Never log credentials even when a request body is logged at debug level.
    redact: ['req.headers.authorization', '*.password', '*.new_password'],
  });
}

import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/** The root logger. Secrets are redacted by path wherever they could appear in a log object. */
export function createLogger(level: string, base: Record<string, unknown> = {}): Logger {
  return pino({
    level,
    base: { service: 'caredesk', ...base },
    redact: {
      paths: [
        'password',
        '*.password',
        'credentials',
        '*.credentials',
        'accessToken',
        '*.accessToken',
        'req.headers.authorization',
        'req.headers.cookie',
        'headers.authorization',
      ],
      censor: '[redacted]',
    },
  });
}

/** A child logger for one part of the system, e.g. `childLogger(root, 'poll', { channelAccountId })`. */
export function childLogger(
  parent: Logger,
  category: string,
  bindings: Record<string, unknown> = {},
): Logger {
  return parent.child({ category, ...bindings });
}

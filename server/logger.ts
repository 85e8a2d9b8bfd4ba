import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/** The root logger. Secrets are redacted by path wherever they could appear in a log object. */
export function createLogger(
  level: string,
  base: Record<string, unknown> = {},
  /** Where the JSON lines go (stdout by default); tests pass a sink to read what would be logged. */
  destination?: pino.DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
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
        'refreshToken',
        '*.refreshToken',
        'accessSecret',
        '*.accessSecret',
        'userToken',
        '*.userToken',
        'code_verifier',
        '*.code_verifier',
        'req.headers.authorization',
        'req.headers.cookie',
        'headers.authorization',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** A child logger for one part of the system, e.g. `childLogger(root, 'poll', { channelAccountId })`. */
export function childLogger(
  parent: Logger,
  category: string,
  bindings: Record<string, unknown> = {},
): Logger {
  return parent.child({ category, ...bindings });
}

import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Express, RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../logger';
import { httpRequestDuration } from './metrics';
import { routePatternOf } from './routePatterns';

/** An incoming X-Request-Id is kept only when it looks like an id (no log injection, bounded size). */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

const pathOnly = (url: string | undefined) => (url ?? '/').split('?')[0] ?? '/';

export function requestIdOf(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * One log line per request with its request id (incoming X-Request-Id or a new one, echoed in the
 * response), and `req.log` carrying that id for handlers. Only method, route pattern and status are
 * logged: no headers (cookies, Authorization), no query string (OAuth codes, verify tokens) and no
 * path parameters (invite and media tokens travel in the path); the raw path only when no route
 * matched.
 */
export function requestLogging(logger: Logger, app: Express): RequestHandler {
  return pinoHttp({
    logger: logger.child({ category: 'http' }),
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const id = requestIdOf(req.headers['x-request-id']);
      res.setHeader('X-Request-Id', id);
      return id;
    },
    wrapSerializers: false,
    serializers: {
      req: (req: IncomingMessage & { originalUrl?: string }) => {
        const path = pathOnly(req.originalUrl ?? req.url);
        const route = routePatternOf(app, req.method ?? 'GET', path);
        return { method: req.method, route, ...(route === 'unmatched' ? { path } : {}) };
      },
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (req) => QUIET_PATHS.has(pathOnly(req.url)) },
    customLogLevel: (_req, res, err) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
  }) as unknown as RequestHandler;
}

/** HTTP latency histogram by method, route pattern and status. */
export function requestMetrics(app: Express): RequestHandler {
  return (req, res, next) => {
    const end = httpRequestDuration.startTimer();
    res.once('finish', () => {
      end({
        method: req.method,
        route: routePatternOf(app, req.method, pathOnly(req.originalUrl)),
        status: String(res.statusCode),
      });
    });
    next();
  };
}

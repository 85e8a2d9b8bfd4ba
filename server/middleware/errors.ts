import type { NextFunction, Request, Response } from 'express';
import type { ApiErrorBody } from '../../common/types';
import { AppError } from '../errors';
import type { Logger } from '../logger';
import { routePatternOf } from '../observability/routePatterns';

/** Turns thrown errors into `{ error: { code, message, field? } }`; unknown errors are logged once. */
export function errorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof AppError) {
      const body: ApiErrorBody = { error: { code: error.code, message: error.message } };
      if (error.field) body.error.field = error.field;
      res.status(error.status).json(body);
      return;
    }
    const status = (error as { status?: number; type?: string }).status;
    if (status === 413) {
      res.status(413).json({ error: { code: 'payload_too_large', message: 'Request body too large' } });
      return;
    }
    if (status === 400 && (error as { type?: string }).type === 'entity.parse.failed') {
      res.status(400).json({ error: { code: 'invalid_json', message: 'Request body is not valid JSON' } });
      return;
    }
    // req.log (pino-http) carries the request id; paths and queries may hold tokens: the pattern only.
    const log = (req as Request & { log?: Logger }).log ?? logger;
    const route = routePatternOf(req.app, req.method, req.originalUrl.split('?')[0] ?? '/');
    log.error({ err: error, method: req.method, route }, 'unhandled error');
    res.status(500).json({ error: { code: 'internal', message: 'Internal server error' } });
  };
}

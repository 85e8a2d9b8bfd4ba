import type { NextFunction, Request, Response } from 'express';
import { ForbiddenError } from '../errors';

/**
 * CORS is closed: the client is served from the same origin, which never needs a preflight, so
 * every preflight is refused and no response carries `Access-Control-Allow-*` headers. A foreign
 * page can therefore neither read API answers nor send the `X-Caredesk-Request` header.
 */
export function refusePreflight(req: Request, _res: Response, next: NextFunction) {
  if (req.method === 'OPTIONS')
    return next(new ForbiddenError('Cross-origin requests are not allowed', 'cors_refused'));
  next();
}

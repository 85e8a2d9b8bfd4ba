import type { GraphFailure } from '../errors';
import type { FacebookState } from '../store';

/** One Graph request as the handlers see it: validated route, merged parameters, where paging links point. */
export interface GraphContext {
  state: FacebookState;
  /** The `vNN.N` the request used; paging links keep it. */
  version: string;
  /** Origin for paging links (publicBaseUrl, or the one the request came in on). */
  origin: string;
  /** The accepted token, repeated in paging links. */
  token: string;
  /** Query and body merged (body wins), as Graph reads parameters from either. */
  params: Record<string, unknown>;
  /** String-valued query parameters, repeated in paging links. */
  query: Record<string, string>;
}

/** Thrown by handlers and renderers; the router answers it as a Graph error. */
export class GraphRequestError extends Error {
  constructor(readonly failure: GraphFailure) {
    super(failure.error.message);
  }
}

export function raise(failure: GraphFailure): never {
  throw new GraphRequestError(failure);
}

/** A string parameter, or undefined; Graph form fields and query values are strings, JSON may not be. */
export function stringParam(params: Record<string, unknown>, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Parameters sent as JSON text in a form (`recipient={"id":"…"}`) or as JSON objects. */
export function objectParam(params: Record<string, unknown>, name: string): unknown {
  const value = params[name];
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

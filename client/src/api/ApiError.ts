import type { ApiErrorBody } from '../../../common/types';

/** Code used when the request never got an HTTP answer (offline, DNS, connection reset, CORS). */
export const NETWORK_ERROR_CODE = 'network_error';

/**
 * Every failed API call rejects with this, so the UI can tell "the server refused" (show its message)
 * from "we do not know whether the server got it" (status 0: safe to retry with the same idempotency key).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;

  constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }

  /** 5xx and network errors may have been applied or not; 4xx were definitely refused. */
  get outcomeUnknown(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const inner = (value as { error: unknown }).error;
  return (
    typeof inner === 'object' &&
    inner !== null &&
    typeof (inner as { code?: unknown }).code === 'string' &&
    typeof (inner as { message?: unknown }).message === 'string'
  );
}

/**
 * Turns an error response into an ApiError. A proxy or crashed server may answer with HTML or nothing,
 * so anything that is not the documented error body still yields a usable error.
 */
export function apiErrorFromResponse(status: number, statusText: string, body: unknown): ApiError {
  if (isApiErrorBody(body)) {
    const { code, message, field } = body.error;
    return new ApiError(status, code, message, field);
  }
  return new ApiError(status, `http_${status}`, statusText || `HTTP ${status}`);
}

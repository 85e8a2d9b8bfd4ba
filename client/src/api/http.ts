import { ApiError, apiErrorFromResponse, NETWORK_ERROR_CODE } from './ApiError';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The one place the browser talks to the REST API. Every request carries the session cookie
 * (same-origin) and the `X-Caredesk-Request` header the server's CSRF guard requires.
 */
export async function apiRequest<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'X-Caredesk-Request': '1', Accept: 'application/json' };
  const init: RequestInit = { method, credentials: 'same-origin', headers };
  if (body instanceof FormData) {
    // The browser sets the multipart boundary itself.
    init.body = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }

  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new ApiError(0, NETWORK_ERROR_CODE, message);
  }

  const payload = await readJson(response);
  if (!response.ok) throw apiErrorFromResponse(response.status, response.statusText, payload);
  return payload as T;
}

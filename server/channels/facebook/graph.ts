import { createHmac } from 'node:crypto';
import type { z } from 'zod';
import { graphEndpointLabel, recordChannelApiCall } from '../../observability/channelApi';
import type { RateLimitSnapshot } from '../adapter';
import { ChannelUnavailableError } from '../errors';
import { graphErrorFrom } from './errors';

export interface GraphOptions {
  /** https://graph.facebook.com, or the simulator. */
  baseUrl: string;
  version: string;
  pageToken: string;
  /** When set, every call carries appsecret_proof (recommended by Meta for server calls). */
  appSecret?: string;
  timeoutMs: number;
  now: () => number;
  /** The page's name, for the API-call metric. */
  accountLabel?: string;
}

export interface GraphResponse<T> {
  body: T;
  usage: RateLimitSnapshot[];
}

/** Rate-limit key of every Graph call of a page: the page's usage is one budget. */
export const GRAPH_ENDPOINT = 'graph';
/** Below this share of the hourly budget we poll freely; above it calls are spaced out. */
const SLOW_DOWN_AT = 75;

/**
 * X-App-Usage / X-Business-Use-Case-Usage (percent of a rolling window) as rate-limit snapshots:
 * below 75 % nothing changes; above, calls are spaced so the window is not exhausted (slow down
 * before 100 %, not after). X-Page-Usage is UNCONFIRMED (assumed like X-App-Usage).
 */
export function usageFromHeaders(
  headers: Headers,
  now: number,
): { usage: RateLimitSnapshot[]; regainMs: number | null } {
  let pct = 0;
  let regainMs: number | null = null;
  for (const name of ['x-app-usage', 'x-page-usage']) {
    const raw = headers.get(name);
    if (!raw) continue;
    try {
      const u = JSON.parse(raw) as Record<string, number>;
      pct = Math.max(pct, u.call_count ?? 0, u.total_time ?? 0, u.total_cputime ?? 0);
    } catch {
      // A header we cannot read must not break the call.
    }
  }
  const buc = headers.get('x-business-use-case-usage');
  if (buc) {
    try {
      const parsed = JSON.parse(buc) as Record<string, Array<Record<string, number>>>;
      for (const entries of Object.values(parsed)) {
        for (const e of entries) {
          pct = Math.max(pct, e.call_count ?? 0, e.total_time ?? 0, e.total_cputime ?? 0);
          if (e.estimated_time_to_regain_access)
            regainMs = Math.max(regainMs ?? 0, e.estimated_time_to_regain_access * 60_000);
        }
      }
    } catch {
      // idem
    }
  }
  if (pct === 0 && regainMs === null) return { usage: [], regainMs };
  const remaining = pct < SLOW_DOWN_AT ? 1_000_000 : Math.max(0, Math.round(100 - pct));
  const resetAt = now + Math.max(regainMs ?? 0, remaining === 0 ? 60 * 60_000 : 60 * 60_000);
  return { usage: [{ endpoint: GRAPH_ENDPOINT, limit: 100, remaining, resetAt }], regainMs };
}

/** The Graph calls the adapter makes: token, version, timeout, validation, usage headers, errors. */
export class GraphApi {
  constructor(private readonly o: GraphOptions) {}

  get now() {
    return this.o.now;
  }

  private url(path: string, query: Record<string, string | number | undefined> = {}) {
    const url = new URL(`${this.o.baseUrl.replace(/\/+$/, '')}/${this.o.version}/${path.replace(/^\//, '')}`);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
    url.searchParams.set('access_token', this.o.pageToken);
    if (this.o.appSecret) {
      url.searchParams.set(
        'appsecret_proof',
        createHmac('sha256', this.o.appSecret).update(this.o.pageToken).digest('hex'),
      );
    }
    return url;
  }

  get<S extends z.ZodType>(path: string, query: Record<string, string | number | undefined>, schema: S) {
    return this.request('GET', this.url(path, query), undefined, schema);
  }

  /** Follows a `paging.next` URL as given (it carries its own cursor and parameters). */
  getUrl<S extends z.ZodType>(next: string, schema: S) {
    const url = new URL(next);
    url.searchParams.set('access_token', this.o.pageToken);
    return this.request('GET', url, undefined, schema);
  }

  post<S extends z.ZodType>(path: string, body: Record<string, unknown>, schema: S) {
    return this.request('POST', this.url(path), body, schema);
  }

  delete<S extends z.ZodType>(path: string, schema: S) {
    return this.request('DELETE', this.url(path), undefined, schema);
  }

  private async request<S extends z.ZodType>(
    method: string,
    url: URL,
    body: unknown,
    schema: S,
  ): Promise<GraphResponse<z.infer<S>>> {
    let res: Response;
    const endpoint = graphEndpointLabel(method, url);
    const count = (status: string | number) =>
      recordChannelApiCall('facebook', this.o.accountLabel ?? 'unknown', endpoint, status);
    try {
      res = await fetch(url, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.o.timeoutMs),
      });
    } catch (error) {
      count('network');
      throw new ChannelUnavailableError(`Facebook request failed: ${(error as Error).message}`);
    }
    const text = await res.text().catch(() => '');
    const { usage, regainMs } = usageFromHeaders(res.headers, this.o.now());
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      count(res.ok ? 'malformed' : res.status);
      throw new ChannelUnavailableError(`Facebook sent a malformed body (${res.status})`, {
        status: res.status,
        body: text.slice(0, 2000),
      });
    }
    if (!res.ok || (json as { error?: unknown } | null)?.error) {
      count(res.status);
      throw graphErrorFrom(res.status, json, regainMs);
    }
    const parsed = schema.safeParse(json);
    count(parsed.success ? res.status : 'malformed');
    if (!parsed.success) {
      throw new ChannelUnavailableError(`Facebook returned an unexpected body: ${parsed.error.message}`, {
        body: json,
      });
    }
    return { body: parsed.data, usage };
  }
}

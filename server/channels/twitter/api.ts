import type { TwitterApi } from 'twitter-api-v2';
import type { z } from 'zod';
import { recordChannelApiCall, xFailureStatus } from '../../observability/channelApi';
import type { RateLimitSnapshot } from '../adapter';
import { ChannelUnavailableError } from '../errors';
import { toChannelError, toUploadError } from './errors';

/** The chunked upload (initialize, append, finalize, status) counts as one call. */
const UPLOAD_ENDPOINT = 'POST /2/media/upload';

export interface XResponse<T> {
  body: T;
  rateLimit: RateLimitSnapshot | null;
}

/**
 * The few calls the adapter makes, with error mapping, a timeout, response validation and the
 * rate-limit headers of every response.
 */
export class XApi {
  constructor(
    private readonly client: TwitterApi,
    private readonly timeoutMs: number,
    readonly now: () => number,
    /** The account's handle, for the API-call metric. */
    private readonly account = 'unknown',
  ) {}

  async get<S extends z.ZodType>(
    endpoint: string,
    path: string,
    query: Record<string, string | number>,
    schema: S,
  ) {
    let res: Awaited<ReturnType<TwitterApi['v2']['get']>>;
    try {
      res = await this.client.v2.get(path, query, { fullResponse: true, timeout: this.timeoutMs });
    } catch (error) {
      throw this.failed(endpoint, error);
    }
    // Outside the try: a body we cannot validate is counted once, as malformed.
    return this.wrap(endpoint, schema, res.data, res.rateLimit);
  }

  async post<S extends z.ZodType>(endpoint: string, path: string, body: Record<string, unknown>, schema: S) {
    let res: Awaited<ReturnType<TwitterApi['v2']['post']>>;
    try {
      res = await this.client.v2.post(path, body, { fullResponse: true, timeout: this.timeoutMs });
    } catch (error) {
      throw this.failed(endpoint, error);
    }
    // Outside the try: a body we cannot validate is counted once, as malformed.
    return this.wrap(endpoint, schema, res.data, res.rateLimit);
  }

  /**
   * Uploads one image with twitter-api-v2's chunked v2 upload (initialize, append, finalize, STATUS while
   * processing) and returns its media id. Per-request timeouts come from the client (createXClient).
   */
  async uploadMedia(
    data: Buffer,
    mediaType: 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp',
    category: 'tweet_image' | 'tweet_gif' | 'dm_image' | 'dm_gif',
  ): Promise<string> {
    let id: unknown;
    try {
      id = await this.client.v2.uploadMedia(data, { media_type: mediaType, media_category: category });
      recordChannelApiCall('x', this.account, UPLOAD_ENDPOINT, '2xx');
    } catch (error) {
      recordChannelApiCall('x', this.account, UPLOAD_ENDPOINT, xFailureStatus(error));
      throw toUploadError(error, this.now);
    }
    if (typeof id !== 'string' || !/^[0-9]{1,19}$/.test(id)) {
      throw new ChannelUnavailableError('POST /2/media/upload/initialize returned no media id', { body: id });
    }
    return id;
  }

  /** Counts a call that threw (an error status or no answer) and maps the error. */
  private failed(endpoint: string, error: unknown): unknown {
    recordChannelApiCall('x', this.account, endpoint, xFailureStatus(error));
    return toChannelError(error, this.now);
  }

  private wrap<S extends z.ZodType>(
    endpoint: string,
    schema: S,
    data: unknown,
    rl: { limit: number; remaining: number; reset: number } | undefined,
  ): XResponse<z.infer<S>> {
    const parsed = schema.safeParse(data);
    recordChannelApiCall('x', this.account, endpoint, parsed.success ? '2xx' : 'malformed');
    if (!parsed.success) {
      // A shape we do not understand is a platform fault; keep the body for the log.
      throw new ChannelUnavailableError(`${endpoint} returned an unexpected body: ${parsed.error.message}`, {
        body: data,
      });
    }
    return {
      body: parsed.data,
      rateLimit: rl ? { endpoint, limit: rl.limit, remaining: rl.remaining, resetAt: rl.reset * 1000 } : null,
    };
  }
}

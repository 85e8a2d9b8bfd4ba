import type { Platform } from '../../common/types';
import type { ChannelAdapter } from './adapter';
import { FacebookAdapter } from './facebook/FacebookAdapter';
import { GraphApi } from './facebook/graph';
import { fbCredentialsSchema } from './facebook/schemas';
import { createXClient } from './twitter/client';
import { xCredentialsSchema } from './twitter/schemas';
import { TwitterAdapter } from './twitter/TwitterAdapter';

export interface ChannelEndpoints {
  /** Origin of the X API: https://api.x.com, or the simulator. */
  xApiBaseUrl: string;
  /** Per-request timeout towards the platform APIs. */
  requestTimeoutMs?: number;
  /** Origin of the Graph API: https://graph.facebook.com, or the simulator. */
  fbGraphBaseUrl?: string;
  /** Graph API version, e.g. v25.0. */
  fbGraphVersion?: string;
  /** Meta app secret: appsecret_proof on calls (and webhook signatures, elsewhere). */
  fbAppSecret?: string;
}

/** What an adapter factory gets: the account's platform id, handle and decrypted credentials. */
export interface AdapterInput {
  externalUserId: string;
  handle: string;
  credentials: unknown;
}

type AdapterFactory = (input: AdapterInput, endpoints: ChannelEndpoints) => ChannelAdapter;

/** Explicit map platform -> adapter factory; no discovery, no string tables elsewhere. */
const factories: Partial<Record<Platform, AdapterFactory>> = {
  x: (input, endpoints) =>
    new TwitterAdapter({
      client: createXClient(
        xCredentialsSchema.parse(input.credentials),
        endpoints.xApiBaseUrl,
        endpoints.requestTimeoutMs,
      ),
      account: { userId: input.externalUserId, handle: input.handle },
      ...(endpoints.requestTimeoutMs ? { requestTimeoutMs: endpoints.requestTimeoutMs } : {}),
    }),
  facebook: (input, endpoints) =>
    new FacebookAdapter(
      new GraphApi({
        baseUrl: endpoints.fbGraphBaseUrl ?? 'https://graph.facebook.com',
        version: endpoints.fbGraphVersion ?? 'v25.0',
        pageToken: fbCredentialsSchema.parse(input.credentials).pageToken,
        ...(endpoints.fbAppSecret ? { appSecret: endpoints.fbAppSecret } : {}),
        timeoutMs: endpoints.requestTimeoutMs ?? 15_000,
        now: Date.now,
        accountLabel: input.handle,
      }),
      input.externalUserId,
    ),
};

export function createChannelAdapter(platform: Platform, input: AdapterInput, endpoints: ChannelEndpoints) {
  const factory = factories[platform];
  if (!factory) throw new Error(`No channel adapter for platform "${platform}"`);
  return factory(input, endpoints);
}

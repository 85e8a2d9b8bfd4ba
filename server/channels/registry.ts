import type { Platform } from '../../common/types';
import type { ChannelAdapter } from './adapter';
import { createXClient } from './twitter/client';
import { xCredentialsSchema } from './twitter/schemas';
import { TwitterAdapter } from './twitter/TwitterAdapter';

export interface ChannelEndpoints {
  /** Origin of the X API: https://api.x.com, or the simulator. */
  xApiBaseUrl: string;
}

/** What an adapter factory gets: the account's platform id and its decrypted credentials. */
export interface AdapterInput {
  externalUserId: string;
  credentials: unknown;
}

type AdapterFactory = (input: AdapterInput, endpoints: ChannelEndpoints) => ChannelAdapter;

/** Explicit map platform -> adapter factory; no discovery, no string tables elsewhere. */
const factories: Partial<Record<Platform, AdapterFactory>> = {
  x: (input, endpoints) =>
    new TwitterAdapter({
      client: createXClient(xCredentialsSchema.parse(input.credentials), endpoints.xApiBaseUrl),
      accountUserId: input.externalUserId,
    }),
};

export function createChannelAdapter(platform: Platform, input: AdapterInput, endpoints: ChannelEndpoints) {
  const factory = factories[platform];
  if (!factory) throw new Error(`No channel adapter for platform "${platform}"`);
  return factory(input, endpoints);
}

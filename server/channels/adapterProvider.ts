import type { ChannelAccountRow } from '../db/repositories/channelAccounts';
import type { SecretBox } from '../security/secretBox';
import type { ChannelAdapter } from './adapter';
import { type ChannelEndpoints, createChannelAdapter } from './registry';

export type AdapterProvider = (account: ChannelAccountRow) => ChannelAdapter;

/**
 * Builds adapters from stored (encrypted) credentials, once per account and credential version,
 * instead of constructing a client for every job.
 */
export function createAdapterProvider(secretBox: SecretBox, endpoints: ChannelEndpoints): AdapterProvider {
  const cache = new Map<string, { key: string; adapter: ChannelAdapter }>();
  return (account) => {
    if (!account.credentials_encrypted) throw new Error(`Channel account ${account.id} has no credentials`);
    const hit = cache.get(account.id);
    if (hit && hit.key === account.credentials_encrypted) return hit.adapter;
    const credentials = JSON.parse(secretBox.open(account.credentials_encrypted)) as unknown;
    const adapter = createChannelAdapter(
      account.platform,
      { externalUserId: account.external_user_id, handle: account.handle, credentials },
      endpoints,
    );
    cache.set(account.id, { key: account.credentials_encrypted, adapter });
    return adapter;
  };
}

import type { Knex } from 'knex';
import { type ChannelEndpoints, createChannelAdapter } from '../channels/registry';
import { upsertChannelAccount } from '../db/repositories/channelAccounts';
import type { XCredentials } from '../env';
import type { SecretBox } from '../security/secretBox';

/**
 * Connects the X account whose credentials the environment names: asks X who the token belongs to
 * (`GET /2/users/me`) and stores the account with its credentials encrypted.
 */
export async function connectXAccount(
  deps: { db: Knex; secretBox: SecretBox; xApiBaseUrl: string },
  credentials: XCredentials,
) {
  const adapter = createChannelAdapter(
    'x',
    { externalUserId: '', handle: '', credentials },
    { xApiBaseUrl: deps.xApiBaseUrl },
  );
  const identity = await adapter.verifyCredentials();
  return upsertChannelAccount(deps.db, {
    platform: 'x',
    externalUserId: identity.externalUserId,
    handle: identity.handle,
    displayName: identity.name,
    credentialsEncrypted: deps.secretBox.seal(JSON.stringify(credentials)),
  });
}

/** Connects the Facebook page whose page access token is configured (`GET /me` names the page). */
export async function connectFacebookPage(
  deps: { db: Knex; secretBox: SecretBox; endpoints: ChannelEndpoints },
  pageToken: string,
) {
  const credentials = { kind: 'page' as const, pageToken };
  const adapter = createChannelAdapter(
    'facebook',
    { externalUserId: '', handle: '', credentials },
    deps.endpoints,
  );
  const identity = await adapter.verifyCredentials();
  return upsertChannelAccount(deps.db, {
    platform: 'facebook',
    externalUserId: identity.externalUserId,
    handle: identity.handle,
    displayName: identity.name,
    credentialsEncrypted: deps.secretBox.seal(JSON.stringify(credentials)),
  });
}

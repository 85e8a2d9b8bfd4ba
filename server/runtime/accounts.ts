import type { Knex } from 'knex';
import { type ChannelEndpoints, createChannelAdapter } from '../channels/registry';
import { upsertChannelAccount } from '../db/repositories/channelAccounts';
import type { XCredentials } from '../env';
import type { SecretBox } from '../security/secretBox';
import { recordAudit } from '../services/recordAudit';

/** Configured from the environment at start, so the actor is the system (no user, no request). */
async function recordChannelConnected(db: Knex, account: { id: string; platform: string; handle: string }) {
  await recordAudit(db, {
    actorKind: 'system',
    action: 'channel.connected',
    targetType: 'channel_account',
    targetId: account.id,
    data: { platform: account.platform, handle: account.handle },
  });
}

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
  const account = await upsertChannelAccount(deps.db, {
    platform: 'x',
    externalUserId: identity.externalUserId,
    handle: identity.handle,
    displayName: identity.name,
    credentialsEncrypted: deps.secretBox.seal(JSON.stringify(credentials)),
  });
  await recordChannelConnected(deps.db, account);
  return account;
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
  const account = await upsertChannelAccount(deps.db, {
    platform: 'facebook',
    externalUserId: identity.externalUserId,
    handle: identity.handle,
    displayName: identity.name,
    credentialsEncrypted: deps.secretBox.seal(JSON.stringify(credentials)),
  });
  await recordChannelConnected(deps.db, account);
  return account;
}

import type { Knex } from 'knex';
import type { Platform } from '../../../common/types';
import type { PlatformUser } from '../../channels/adapter';

/** Creates or refreshes the customer's profile; returns the contact id. */
export async function upsertContact(
  trx: Knex.Transaction,
  platform: Platform,
  user: PlatformUser,
): Promise<string> {
  const [row] = await trx('contacts')
    .insert({
      platform,
      platform_user_id: user.platformUserId,
      handle: user.handle,
      name: user.name,
      avatar_url: user.avatarUrl,
      followers_count: user.followersCount,
      verified: user.verified,
    })
    .onConflict(['platform', 'platform_user_id'])
    // Some sources (Messenger webhooks) carry no name: never overwrite what we know with nothing.
    .merge({
      handle: trx.raw("coalesce(nullif(excluded.handle, ''), contacts.handle)"),
      name: trx.raw("coalesce(nullif(excluded.name, ''), contacts.name)"),
      avatar_url: trx.raw('coalesce(excluded.avatar_url, contacts.avatar_url)'),
      followers_count: trx.raw('coalesce(excluded.followers_count, contacts.followers_count)'),
      verified: trx.raw('excluded.verified'),
      updated_at: trx.fn.now(),
    })
    .returning('id');
  return (row as { id: string }).id;
}

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
    .merge(['handle', 'name', 'avatar_url', 'followers_count', 'verified', 'updated_at'])
    .returning('id');
  return (row as { id: string }).id;
}

import type { Knex } from 'knex';
import type { Platform } from '../../../common/types';
import type { PlatformUser } from '../../channels/adapter';

/** Creates or refreshes the customer's profile; returns the contact id. */
export async function upsertContact(
  trx: Knex.Transaction,
  platform: Platform,
  user: PlatformUser,
): Promise<string> {
  const ids = await upsertContacts(trx, platform, [user]);
  return ids.get(user.platformUserId) as string;
}

/**
 * `upsertContact` for many authors in one statement (a batch of ingested items), in a stable order so
 * two batches never lock the same contacts in opposite orders. An author seen twice is folded first,
 * later values winning the way consecutive upserts would. Returns platform user id -> contact id.
 */
export async function upsertContacts(
  trx: Knex.Transaction,
  platform: Platform,
  users: PlatformUser[],
): Promise<Map<string, string>> {
  const folded = new Map<string, PlatformUser>();
  for (const u of users) {
    const prev = folded.get(u.platformUserId);
    folded.set(
      u.platformUserId,
      prev
        ? {
            ...u,
            handle: u.handle || prev.handle,
            name: u.name || prev.name,
            avatarUrl: u.avatarUrl ?? prev.avatarUrl,
            followersCount: u.followersCount ?? prev.followersCount,
          }
        : u,
    );
  }
  if (folded.size === 0) return new Map();
  const rows = (await trx('contacts')
    .insert(
      [...folded.values()]
        .sort((a, b) =>
          a.platformUserId < b.platformUserId ? -1 : a.platformUserId > b.platformUserId ? 1 : 0,
        )
        .map((user) => ({
          platform,
          platform_user_id: user.platformUserId,
          handle: user.handle,
          name: user.name,
          avatar_url: user.avatarUrl,
          followers_count: user.followersCount,
          verified: user.verified,
        })),
    )
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
    .returning(['id', 'platform_user_id'])) as Array<{ id: string; platform_user_id: string }>;
  return new Map(rows.map((r) => [r.platform_user_id, r.id]));
}

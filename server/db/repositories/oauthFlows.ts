import type { Knex } from 'knex';

export interface OAuthFlowRow {
  state_hash: string;
  code_verifier_encrypted: string;
  user_id: string;
  reauth_account_id: string | null;
  redirect_uri: string;
  expires_at: Date;
}

export async function insertOAuthFlow(db: Knex, row: OAuthFlowRow): Promise<void> {
  await db('oauth_flows').insert(row);
  await db('oauth_flows').where('expires_at', '<', db.fn.now()).delete();
}

/** Takes the flow once (delete … returning): a replayed callback finds nothing. Expired rows never match. */
export async function takeOAuthFlow(db: Knex, stateHash: string): Promise<OAuthFlowRow | undefined> {
  const [row] = await db('oauth_flows')
    .where({ state_hash: stateHash })
    .andWhere('expires_at', '>', db.fn.now())
    .delete()
    .returning('*');
  return row as OAuthFlowRow | undefined;
}

/** Stops polling and removes the credentials; conversations and messages stay. */
export async function disconnectChannelAccount(db: Knex, id: string): Promise<boolean> {
  const n = await db('channel_accounts')
    .where({ id })
    .update({ status: 'disabled', credentials_encrypted: null, updated_at: db.fn.now() });
  return n > 0;
}

/** Every stored ciphertext, for key rotation. */
export async function listSealedCredentials(
  db: Knex,
): Promise<Array<{ id: string; credentials_encrypted: string }>> {
  return db('channel_accounts').whereNotNull('credentials_encrypted').select('id', 'credentials_encrypted');
}

/** Replaces a ciphertext only if nobody changed it since it was read (a refresh may race a rotation). */
export async function replaceSealedCredentials(
  db: Knex,
  id: string,
  previous: string,
  next: string,
): Promise<boolean> {
  const n = await db('channel_accounts')
    .where({ id, credentials_encrypted: previous })
    .update({ credentials_encrypted: next });
  return n > 0;
}

import type { Knex } from 'knex';
import { listSealedCredentials, replaceSealedCredentials } from '../db/repositories/oauthFlows';
import type { SecretBox } from '../security/secretBox';

/**
 * Re-encrypts every stored channel credential (and pending OAuth verifier) under the current key
 * (the first of CAREDESK_ENCRYPTION_KEYS). Safe while Caredesk runs: a row changed meanwhile (token
 * refresh) is re-read and retried, so an old ciphertext never overwrites a new one. Afterwards the old
 * keys can be removed from the list.
 */
export async function rotateSecrets(db: Knex, secretBox: SecretBox): Promise<{ rotated: number }> {
  let rotated = 0;
  for (const row of await listSealedCredentials(db)) {
    let previous: string | null = row.credentials_encrypted;
    for (let attempt = 0; previous && attempt < 5; attempt++) {
      const next = secretBox.seal(secretBox.open(previous));
      if (await replaceSealedCredentials(db, row.id, previous, next)) {
        rotated++;
        break;
      }
      const fresh = await db('channel_accounts').where({ id: row.id }).first('credentials_encrypted');
      previous = (fresh?.credentials_encrypted as string | null | undefined) ?? null;
    }
  }
  for (const flow of await db('oauth_flows').select('state_hash', 'code_verifier_encrypted')) {
    await db('oauth_flows')
      .where({ state_hash: flow.state_hash })
      .update({ code_verifier_encrypted: secretBox.seal(secretBox.open(flow.code_verifier_encrypted)) });
  }
  return { rotated };
}

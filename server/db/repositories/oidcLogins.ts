import type { Knex } from 'knex';

export async function saveOidcLogin(
  db: Knex,
  row: { stateHash: string; codeVerifier: string; nonce: string },
): Promise<void> {
  // Abandoned sign-ins are cleared on the way.
  await db('oidc_logins').where('created_at', '<', db.raw("now() - interval '1 hour'")).delete();
  await db('oidc_logins').insert({
    state_hash: row.stateHash,
    code_verifier: row.codeVerifier,
    nonce: row.nonce,
  });
}

/** Takes (deletes and returns) a sign-in started within `maxAgeMs`: each state is good for one callback. */
export async function takeOidcLogin(
  db: Knex,
  stateHash: string,
  maxAgeMs: number,
): Promise<{ codeVerifier: string; nonce: string } | null> {
  const rows: { code_verifier: string; nonce: string; fresh: boolean }[] = await db('oidc_logins')
    .where({ state_hash: stateHash })
    .delete()
    .returning([
      'code_verifier',
      'nonce',
      db.raw("created_at > now() - (? * interval '1 millisecond') as fresh", [maxAgeMs]),
    ]);
  const row = rows[0];
  return row?.fresh ? { codeVerifier: row.code_verifier, nonce: row.nonce } : null;
}

import type { Knex } from 'knex';

export const name = '20261121000024_create_oauth_flows';

/**
 * Pending OAuth 2.0 authorisations started by an admin: the state (hashed), the PKCE verifier
 * (encrypted), who started it and, for a re-authorisation, which account. Rows expire after minutes
 * and are deleted when redeemed.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('oauth_flows', (t) => {
    t.text('state_hash').primary();
    t.text('code_verifier_encrypted').notNullable();
    t.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.uuid('reauth_account_id').nullable().references('channel_accounts.id').onDelete('CASCADE');
    t.text('redirect_uri').notNullable();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('oauth_flows');
}

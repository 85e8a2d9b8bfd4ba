import type { Knex } from 'knex';

export const name = '20261121000026_add_user_all_accounts_grant';

/**
 * Per-user grant beyond the role: an agent or guide with `all_accounts` sees every channel account's
 * conversations, not only those of their teams' accounts (leads and admins always do).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.boolean('all_accounts').notNullable().defaultTo(false);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('all_accounts');
  });
}

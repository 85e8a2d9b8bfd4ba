import type { Knex } from 'knex';

export const name = '20261121000002_create_channel_accounts';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('channel_accounts', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('platform').notNullable();
    t.text('handle').notNullable();
    t.text('display_name').notNullable().defaultTo('');
    t.text('external_user_id').notNullable();
    // AES-256-GCM envelope (see server/security/secretBox.ts); never plaintext, never sent to the browser.
    t.text('credentials_encrypted');
    // Adapter-owned poll position (e.g. X since_id); advanced only after the items are stored.
    t.jsonb('poll_cursor');
    t.text('status').notNullable().defaultTo('active');
    t.jsonb('health').notNullable().defaultTo('{}');
    t.jsonb('rate_limit').notNullable().defaultTo('{}');
    t.uuid('team_id').references('teams.id').onDelete('SET NULL');
    t.timestamps(true, true);
    t.unique(['platform', 'external_user_id']);
    t.check("platform in ('x', 'facebook')", [], 'channel_accounts_platform_check');
    t.check(
      "status in ('active', 'paused', 'needs_reauth', 'disabled')",
      [],
      'channel_accounts_status_check',
    );
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('channel_accounts');
}

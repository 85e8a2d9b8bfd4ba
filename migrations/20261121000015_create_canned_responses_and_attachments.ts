import type { Knex } from 'knex';

export const name = '20261121000015_create_canned_responses_and_attachments';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('canned_responses', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    // What agents type after ";" in the composer, e.g. "refund".
    t.text('shortcut').notNullable();
    t.text('title').notNullable();
    t.text('body').notNullable();
    t.string('language', 8).notNullable().defaultTo('en');
    t.uuid('team_id').references('teams.id').onDelete('SET NULL');
    t.uuid('created_by').references('users.id').onDelete('SET NULL');
    t.timestamps(true, true);
    t.check("shortcut ~ '^[a-z0-9][a-z0-9_-]{0,39}$'", [], 'canned_responses_shortcut_check');
  });
  await knex.raw('create unique index canned_responses_shortcut_unique on canned_responses (shortcut)');

  // Files agents attach to replies. Facebook fetches them from our public URL (attachment_url), so each
  // has an unguessable token; the bytes live in PostgreSQL with everything else.
  await knex.schema.createTable('attachments', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('token').notNullable().unique();
    t.text('content_type').notNullable();
    t.text('file_name').notNullable().defaultTo('');
    t.integer('byte_size').notNullable();
    t.binary('data').notNullable();
    t.uuid('uploaded_by').references('users.id').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.schema.alterTable('messages', (t) => {
    t.uuid('attachment_id').references('attachments.id').onDelete('SET NULL');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('messages', (t) => {
    t.dropColumn('attachment_id');
  });
  await knex.schema.dropTable('attachments');
  await knex.schema.dropTable('canned_responses');
}

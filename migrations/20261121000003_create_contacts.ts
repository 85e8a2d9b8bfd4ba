import type { Knex } from 'knex';

export const name = '20261121000003_create_contacts';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('contacts', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('platform').notNullable();
    t.text('platform_user_id').notNullable();
    t.text('handle').notNullable().defaultTo('');
    t.text('name').notNullable().defaultTo('');
    t.text('avatar_url');
    t.integer('followers_count');
    t.boolean('verified').notNullable().defaultTo(false);
    t.timestamps(true, true);
    t.unique(['platform', 'platform_user_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('contacts');
}

import type { Knex } from 'knex';

export const name = '20261121000012_add_conversation_snooze_and_tags';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('conversations', (t) => {
    // Hidden from the working views until then; a new customer message clears it.
    t.timestamp('snoozed_until', { useTz: true });
    t.specificType('tags', 'text[]').notNullable().defaultTo('{}');
  });
  await knex.raw(
    'create index conversations_snoozed_idx on conversations (snoozed_until) where snoozed_until is not null',
  );
  await knex.raw('create index conversations_tags_idx on conversations using gin (tags)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index conversations_tags_idx');
  await knex.raw('drop index conversations_snoozed_idx');
  await knex.schema.alterTable('conversations', (t) => {
    t.dropColumn('tags');
    t.dropColumn('snoozed_until');
  });
}

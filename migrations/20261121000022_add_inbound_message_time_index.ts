import type { Knex } from 'knex';

export const name = '20261121000022_add_inbound_message_time_index';

/** The lead dashboard counts inbound messages per 15-minute window, today and on the 14 days before. */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    "create index messages_inbound_created_idx on messages (created_at) where direction = 'inbound'",
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index messages_inbound_created_idx');
}

import type { Knex } from 'knex';

export const name = '20261121000013_add_search_vectors';

/**
 * Full-text search over messages and customers. The vectors are stored generated columns rather than
 * expression indexes: ranking reads the vector of every matching row, and recomputing two `to_tsvector`
 * calls per row at query time is what makes a common word slow at a million messages. German and English
 * stems of the same text go into one vector, so either language's query finds it; handles use `simple`
 * (no stemming), plus a prefix index on the lower-cased handle for "@hand…".
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    alter table messages add column search_vector tsvector generated always as (
      to_tsvector('german', text) || to_tsvector('english', text)
    ) stored`);
  await knex.raw('create index messages_search_idx on messages using gin (search_vector)');
  // Newest matches first: for a common word, walking this backwards finds them without a full bitmap.
  await knex.raw('create index messages_created_idx on messages (created_at, id)');

  await knex.raw(`
    alter table contacts add column search_vector tsvector generated always as (
      to_tsvector('german', name) || to_tsvector('english', name) || to_tsvector('simple', handle)
    ) stored`);
  await knex.raw('create index contacts_search_idx on contacts using gin (search_vector)');
  await knex.raw('create index contacts_handle_prefix_idx on contacts (lower(handle) text_pattern_ops)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index contacts_handle_prefix_idx');
  await knex.raw('drop index contacts_search_idx');
  await knex.raw('alter table contacts drop column search_vector');
  await knex.raw('drop index messages_created_idx');
  await knex.raw('drop index messages_search_idx');
  await knex.raw('alter table messages drop column search_vector');
}

import type { Knex } from 'knex';

export const name = '20261121000032_add_inbox_list_indexes';

/**
 * Inbox list at millions of conversations (bench/inbox.ts, 3M): each sort of the list gets an index in
 * exactly its ORDER BY, so a page reads about one page of rows in order and stops, instead of sorting
 * every matching row. Working views (new, open, pending: a small part of the table) get partial indexes
 * that `status in (...)` of the views implies; "All" and "Resolved" sort by `updated_at desc nulls last,
 * id desc`, which conversations_updated_idx (`updated_at desc, id`) cannot give, so they read and sorted
 * the whole table.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    "create index conversations_working_waiting_idx on conversations (waiting_since, id) where status <> 'resolved'",
  );
  await knex.raw(
    "create index conversations_working_sla_idx on conversations (sla_due_at, id) where status <> 'resolved'",
  );
  await knex.raw(
    'create index conversations_list_updated_idx on conversations (updated_at desc nulls last, id desc)',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index conversations_list_updated_idx');
  await knex.raw('drop index conversations_working_sla_idx');
  await knex.raw('drop index conversations_working_waiting_idx');
}

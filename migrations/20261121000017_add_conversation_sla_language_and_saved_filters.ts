import type { Knex } from 'knex';

export const name = '20261121000017_add_conversation_sla_language_and_saved_filters';

/**
 * First-response SLA: `sla_due_at` is when the customer who has been waiting since `waiting_since` must
 * have an answer, by priority. A trigger keeps it right on every write (ingest, reply, priority change),
 * so no code path can forget it and the inbox can sort and filter on an index. The targets live in one
 * SQL function for now; configurable policies per team/channel replace it later.
 * Also: the customer's language (from the platform, when it says) and per-user saved filters.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create function caredesk_sla_minutes(priority text) returns integer
    language sql immutable as $$
      select case priority when 'urgent' then 15 when 'high' then 30 when 'low' then 240 else 60 end
    $$`);
  await knex.raw(`
    create function caredesk_sla_state(due timestamptz, priority text) returns text
    language sql stable as $$
      select case
        when due is null then null
        when due < now() then 'breached'
        when due < now() + make_interval(mins => greatest(5, caredesk_sla_minutes(priority) / 4)) then 'at_risk'
        else 'ok' end
    $$`);
  await knex.schema.alterTable('conversations', (t) => {
    t.timestamp('sla_due_at', { useTz: true });
    t.text('language');
  });
  await knex.raw(`
    create function caredesk_conversation_sla() returns trigger
    language plpgsql as $$
    begin
      new.sla_due_at := case
        when new.waiting_since is null or new.status = 'resolved' then null
        else new.waiting_since + make_interval(mins => caredesk_sla_minutes(new.priority)) end;
      return new;
    end $$`);
  await knex.raw(`
    create trigger conversations_sla before insert or update of waiting_since, priority, status
    on conversations for each row execute function caredesk_conversation_sla()`);
  await knex.raw('update conversations set waiting_since = waiting_since');
  await knex.raw(
    'create index conversations_sla_idx on conversations (sla_due_at, id) where sla_due_at is not null',
  );
  await knex.raw(
    'create index conversations_language_idx on conversations (language) where language is not null',
  );

  await knex.schema.createTable('saved_filters', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.text('name').notNullable();
    t.jsonb('filters').notNullable();
    t.timestamps(true, true);
  });
  await knex.raw(
    'create unique index saved_filters_user_name_unique on saved_filters (user_id, lower(name))',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('saved_filters');
  await knex.raw('drop trigger conversations_sla on conversations');
  await knex.raw('drop function caredesk_conversation_sla()');
  await knex.schema.alterTable('conversations', (t) => {
    t.dropColumn('language');
    t.dropColumn('sla_due_at');
  });
  await knex.raw('drop function caredesk_sla_state(timestamptz, text)');
  await knex.raw('drop function caredesk_sla_minutes(text)');
}

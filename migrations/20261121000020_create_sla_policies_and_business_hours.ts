import type { Knex } from 'knex';

export const name = '20261121000020_create_sla_policies_and_business_hours';

const NO_ID = "'00000000-0000-0000-0000-000000000000'::uuid";

/**
 * Real SLA policies instead of fixed minutes: first- and next-response targets per scope (all accounts,
 * a platform, or one channel account) and priority; business hours and holidays per team (team null: the
 * default calendar, 24/7 when not configured). The services that change a conversation's inputs compute
 * `sla_due_at` in business time (luxon), so the trigger of migration 17 goes. `sla_at_risk_at` is where
 * the last quarter of the target begins; `sla_breached_at` marks the one recorded breach per due time.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sla_policies', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('platform');
    t.uuid('channel_account_id').references('channel_accounts.id').onDelete('CASCADE');
    t.text('priority').notNullable();
    t.integer('first_response_minutes').notNullable();
    t.integer('next_response_minutes').notNullable();
    t.uuid('updated_by').references('users.id').onDelete('SET NULL');
    t.timestamps(true, true);
  });
  await knex.raw(`alter table sla_policies
    add constraint sla_policies_platform_check check (platform in ('x', 'facebook')),
    add constraint sla_policies_priority_check check (priority in ('low', 'normal', 'high', 'urgent')),
    add constraint sla_policies_scope_check check (platform is null or channel_account_id is null),
    add constraint sla_policies_minutes_check check (
      first_response_minutes between 1 and 43200 and next_response_minutes between 1 and 43200)`);
  await knex.raw(`create unique index sla_policies_scope_unique
    on sla_policies (coalesce(platform, ''), coalesce(channel_account_id, ${NO_ID}), priority)`);
  await knex('sla_policies').insert([
    { priority: 'urgent', first_response_minutes: 15, next_response_minutes: 30 },
    { priority: 'high', first_response_minutes: 30, next_response_minutes: 60 },
    { priority: 'normal', first_response_minutes: 60, next_response_minutes: 120 },
    { priority: 'low', first_response_minutes: 240, next_response_minutes: 480 },
  ]);

  await knex.schema.createTable('business_hours', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('team_id').references('teams.id').onDelete('CASCADE');
    t.text('time_zone').notNullable();
    t.jsonb('intervals').notNullable();
    t.uuid('updated_by').references('users.id').onDelete('SET NULL');
    t.timestamps(true, true);
  });
  await knex.raw(
    `create unique index business_hours_team_unique on business_hours (coalesce(team_id, ${NO_ID}))`,
  );
  await knex.schema.createTable('holidays', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('team_id').references('teams.id').onDelete('CASCADE');
    t.date('date').notNullable();
    t.text('name').notNullable().defaultTo('');
    t.timestamps(true, true);
  });
  await knex.raw(
    `create unique index holidays_team_date_unique on holidays (coalesce(team_id, ${NO_ID}), date)`,
  );

  await knex.raw('drop trigger conversations_sla on conversations');
  await knex.raw('drop function caredesk_conversation_sla()');
  await knex.raw('drop function caredesk_sla_state(timestamptz, text)');
  await knex.raw('drop function caredesk_sla_minutes(text)');
  await knex.schema.alterTable('conversations', (t) => {
    t.text('sla_target');
    t.timestamp('sla_started_at', { useTz: true });
    t.timestamp('sla_at_risk_at', { useTz: true });
    t.uuid('sla_policy_id').references('sla_policies.id').onDelete('SET NULL');
    t.timestamp('sla_breached_at', { useTz: true });
  });
  await knex.raw(
    "alter table conversations add constraint conversations_sla_target_check check (sla_target in ('first', 'next'))",
  );
  // Mirrors common/sla.ts slaStateAt: breached after the due time, at risk from sla_at_risk_at.
  await knex.raw(`
    create function caredesk_sla_state(due timestamptz, at_risk timestamptz) returns text
    language sql stable as $$
      select case
        when due is null then null
        when due < now() then 'breached'
        when coalesce(at_risk, due) <= now() then 'at_risk'
        else 'ok' end
    $$`);
  // Existing waiting conversations: the default policy, 24/7 (no calendar is configured yet).
  await knex.raw(`
    update conversations c set
      sla_started_at = c.waiting_since,
      sla_target = case when c.first_response_at is null then 'first' else 'next' end
    where c.waiting_since is not null`);
  await knex.raw(`
    with m as (
      select c.id, p.id as policy_id,
        case when c.sla_target = 'first' then p.first_response_minutes else p.next_response_minutes end as minutes
      from conversations c
      join sla_policies p on p.platform is null and p.channel_account_id is null and p.priority = c.priority
      where c.sla_started_at is not null and c.status <> 'resolved'
    )
    update conversations c set
      sla_policy_id = m.policy_id,
      sla_due_at = c.sla_started_at + make_interval(mins => m.minutes),
      sla_at_risk_at = c.sla_started_at
        + make_interval(mins => m.minutes - least(m.minutes, greatest(5, m.minutes / 4)))
    from m where m.id = c.id`);
  await knex.raw(
    `update conversations set sla_due_at = null where sla_started_at is null or status = 'resolved'`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop function caredesk_sla_state(timestamptz, timestamptz)');
  await knex.schema.alterTable('conversations', (t) => {
    t.dropColumn('sla_breached_at');
    t.dropColumn('sla_policy_id');
    t.dropColumn('sla_at_risk_at');
    t.dropColumn('sla_started_at');
    t.dropColumn('sla_target');
  });
  await knex.schema.dropTable('holidays');
  await knex.schema.dropTable('business_hours');
  await knex.schema.dropTable('sla_policies');
  // Back to migration 17's fixed targets and trigger.
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
}

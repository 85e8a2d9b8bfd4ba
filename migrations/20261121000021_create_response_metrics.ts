import type { Knex } from 'knex';

export const name = '20261121000021_create_response_metrics';

/**
 * Response-time metrics (see README "Metrics"). `response_metrics` holds one row per measured event of a
 * conversation (an inbound message, an episode start, a first or next response, a resolution, a handle
 * time), kept by `refreshConversationMetrics` in the same transaction as the change that caused it.
 * `response_metric_rollups` is a per-day histogram of the same rows by one dimension at a time (hour of
 * day, team, agent, account, channel), kept by a trigger, so a 30-day report over millions of
 * conversations reads a few tens of thousands of rollup rows instead of millions of events.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table response_metrics (
      id bigserial primary key,
      conversation_id uuid not null references conversations(id) on delete cascade,
      key text not null,
      kind text not null,
      episode integer not null,
      message_id uuid,
      agent_id uuid references users(id) on delete set null,
      team_id uuid references teams(id) on delete set null,
      channel_account_id uuid not null,
      platform text not null,
      channel text not null,
      start_at timestamptz,
      at timestamptz not null,
      seconds double precision not null,
      business_seconds double precision,
      local_day date not null,
      local_hour smallint not null,
      constraint response_metrics_kind_check
        check (kind in ('inbound', 'episode', 'first', 'next', 'resolution', 'handle')),
      constraint response_metrics_key_unique unique (conversation_id, key)
    )`);
  // Exact path of the report (small ranges): one metric over a range of days.
  await knex.raw(
    'create index response_metrics_kind_day_idx on response_metrics (kind, local_day) include (seconds, business_seconds)',
  );

  // Log-scale buckets: 0 is [0, 1 s), bucket b >= 1 is [1.1^(b-1), 1.1^b) seconds: about 95 buckets
  // from a second to a month, so a day of one agent's first responses is at most ~95 rollup rows.
  await knex.raw(`
    create function caredesk_metric_bucket(s double precision) returns smallint
    language sql immutable as $$
      select case when s is null then null when s < 1 then 0
        else (1 + floor(ln(s) / ln(1.1)))::smallint end
    $$`);
  await knex.raw(`
    create table response_metric_rollups (
      dim text not null,
      metric text not null,
      -- 'd': the local day; 'w': the ISO week starting on that day (a Monday), so a 30-day range reads
      -- about 4 week rows and a few day rows per group and bucket instead of 30 day rows.
      period text not null,
      day date not null,
      dim_value text not null,
      bucket smallint not null,
      n bigint not null,
      total double precision not null,
      primary key (dim, metric, period, day, dim_value, bucket)
    )`);
  await knex.raw(`
    create function caredesk_metric_rollup_apply(m response_metrics, s integer) returns void
    language sql as $$
      insert into response_metric_rollups as r (dim, metric, period, day, dim_value, bucket, n, total)
      select d.dim, v.metric, p.period, p.day, d.val, caredesk_metric_bucket(v.value), s, s * v.value
      from (values (m.kind, m.seconds), (m.kind || '_bh', m.business_seconds)) v(metric, value)
      cross join (values ('d', m.local_day), ('w', date_trunc('week', m.local_day)::date)) p(period, day)
      cross join (values
        ('day', ''),
        ('hour', m.local_hour::text),
        ('team', coalesce(m.team_id::text, '')),
        ('agent', coalesce(m.agent_id::text, '')),
        ('account', m.channel_account_id::text),
        ('channel', m.platform || ':' || m.channel)) d(dim, val)
      where v.value is not null
      order by 1, 2, 3, 4, 5, 6
      on conflict (dim, metric, period, day, dim_value, bucket)
      do update set n = r.n + excluded.n, total = r.total + excluded.total
    $$`);
  await knex.raw(`
    create function caredesk_metric_rollup() returns trigger
    language plpgsql as $$
    begin
      if tg_op in ('DELETE', 'UPDATE') then perform caredesk_metric_rollup_apply(old, -1); end if;
      if tg_op in ('INSERT', 'UPDATE') then perform caredesk_metric_rollup_apply(new, 1); end if;
      return null;
    end $$`);
  await knex.raw(`
    create trigger response_metrics_rollup after insert or update or delete on response_metrics
    for each row execute function caredesk_metric_rollup()`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop trigger response_metrics_rollup on response_metrics');
  await knex.raw('drop function caredesk_metric_rollup()');
  await knex.raw('drop function caredesk_metric_rollup_apply(response_metrics, integer)');
  await knex.raw('drop table response_metric_rollups');
  await knex.raw('drop function caredesk_metric_bucket(double precision)');
  await knex.raw('drop table response_metrics');
}

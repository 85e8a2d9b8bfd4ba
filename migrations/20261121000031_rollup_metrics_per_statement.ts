import type { Knex } from 'knex';

export const name = '20261121000031_rollup_metrics_per_statement';

/**
 * The metric rollups (see 20261121000021) were kept by a row trigger: every metric row upserted up to
 * 24 rollup rows, and the rows of a day are shared by every conversation, so a batch of 100 ingested
 * mentions updated the same "today" rows 200 times each (a long version chain, and a lock every
 * concurrent ingest waits for). Statement triggers with transition tables add the statement's rows up
 * per rollup row first, then upsert each once, in key order (no deadlock between two writers). The
 * insert trigger keeps the old name (`response_metrics_rollup`): bulk loads disable it by that name.
 */
const APPLY = (source: string) => `
  insert into response_metric_rollups as r (dim, metric, period, day, dim_value, bucket, n, total)
  select d.dim, v.metric, p.period, p.day, d.val, caredesk_metric_bucket(v.value), sum(m.s), sum(m.s * v.value)
  from (${source}) m
  cross join lateral (values (m.kind, m.seconds), (m.kind || '_bh', m.business_seconds)) v(metric, value)
  cross join lateral (values ('d', m.local_day), ('w', date_trunc('week', m.local_day)::date)) p(period, day)
  cross join lateral (values
    ('day', ''),
    ('hour', m.local_hour::text),
    ('team', coalesce(m.team_id::text, '')),
    ('agent', coalesce(m.agent_id::text, '')),
    ('account', m.channel_account_id::text),
    ('channel', m.platform || ':' || m.channel)) d(dim, val)
  where v.value is not null
  group by 1, 2, 3, 4, 5, 6
  order by 1, 2, 3, 4, 5, 6
  on conflict (dim, metric, period, day, dim_value, bucket)
  do update set n = r.n + excluded.n, total = r.total + excluded.total`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw('drop trigger response_metrics_rollup on response_metrics');
  await knex.raw(`
    create function caredesk_metric_rollup_statement() returns trigger
    language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        ${APPLY('select 1 as s, * from rollup_new')};
      elsif tg_op = 'DELETE' then
        ${APPLY('select -1 as s, * from rollup_old')};
      else
        ${APPLY('select -1 as s, * from rollup_old union all select 1 as s, * from rollup_new')};
      end if;
      return null;
    end $$`);
  await knex.raw(`
    create trigger response_metrics_rollup after insert on response_metrics
    referencing new table as rollup_new
    for each statement execute function caredesk_metric_rollup_statement()`);
  await knex.raw(`
    create trigger response_metrics_rollup_update after update on response_metrics
    referencing old table as rollup_old new table as rollup_new
    for each statement execute function caredesk_metric_rollup_statement()`);
  await knex.raw(`
    create trigger response_metrics_rollup_delete after delete on response_metrics
    referencing old table as rollup_old
    for each statement execute function caredesk_metric_rollup_statement()`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop trigger response_metrics_rollup on response_metrics');
  await knex.raw('drop trigger response_metrics_rollup_update on response_metrics');
  await knex.raw('drop trigger response_metrics_rollup_delete on response_metrics');
  await knex.raw('drop function caredesk_metric_rollup_statement()');
  await knex.raw(`
    create trigger response_metrics_rollup after insert or update or delete on response_metrics
    for each row execute function caredesk_metric_rollup()`);
}

import { performance } from 'node:perf_hooks';
import type { Knex } from 'knex';
import type { ReportGrouping } from '../common/reports';
import { REPORT_METRICS } from '../common/reports';
import { migrateLatest } from '../server/db/migrate';
import { buildReport } from '../server/services/reports/buildReport';
import { ms, percentile, withBenchDatabase } from './benchDatabase';

/**
 * Reports at 3 million conversations: creates `caredesk_bench_reports`, migrates it, bulk-loads
 * conversations over 35 days with their metric events (episode, inbound, first, some next, resolution,
 * handle) with `generate_series`, builds the rollup in one statement per dimension (what the trigger
 * would have written row by row), ANALYZEs, then times `buildReport` (what `GET /api/reports` runs)
 * for the last 30 days by day, agent, team, hour and channel.
 */
const DB_NAME = 'caredesk_bench_reports';
const RUNS = 7;

const secs = (t: number) => ((performance.now() - t) / 1000).toFixed(0);

async function load(db: Knex, conversations: number): Promise<void> {
  await db.raw(`insert into teams (name) select 'Team ' || g from generate_series(1, 6) g`);
  await db.raw(`insert into users (email, name, initials, role)
    select 'agent' || g || '@bench', 'Agent ' || g, 'A' || g, 'agent' from generate_series(1, 60) g`);
  await db.raw(`insert into channel_accounts (platform, handle, external_user_id, status)
    select case when g <= 2 then 'x' else 'facebook' end, 'brand' || g, 'ext' || g, 'active' from generate_series(1, 4) g`);
  await db.raw(`insert into contacts (platform, platform_user_id, handle) values ('x', 'bench', 'bench')`);
  await db.raw(`create temp table bench_ids as select
      (select array_agg(id order by name) from teams) as teams,
      (select array_agg(id order by email) from users) as agents,
      (select array_agg(id order by handle) from channel_accounts) as accounts,
      (select id from contacts limit 1) as contact`);
  // Reports never read conversations (only their ids, through the foreign key): their inbox indexes are
  // dropped rather than maintained row by row during the load.
  const { rows: indexes } = (await db.raw(
    "select indexname from pg_indexes where tablename = 'conversations' and indexname not like '%pkey'",
  )) as { rows: Array<{ indexname: string }> };
  for (const i of indexes) {
    const constraint = await db.raw('select 1 from pg_constraint where conname = ?', [i.indexname]);
    await db.raw(
      constraint.rows.length > 0
        ? `alter table conversations drop constraint ${i.indexname}`
        : `drop index ${i.indexname}`,
    );
  }
  await db.raw(`alter table conversations disable trigger user`);
  await db.raw(`insert into conversations (id, channel_account_id, contact_id, thread_key, status, team_id,
      first_inbound_at, created_at, updated_at)
    select gen_random_uuid(), b.accounts[1 + g % 4], b.contact, 't' || g, 'resolved', b.teams[1 + g % 6],
      now() - interval '35 days' + (g::double precision / ${conversations}) * interval '35 days',
      now(), now()
    from generate_series(1, ${conversations}) g, bench_ids b`);
  await db.raw(`alter table conversations enable trigger user`);
  await prepareResponseMetricsLoad(db);
  // Per conversation: episode + inbound at t0, FRT (log-normal-ish), every third a next response,
  // resolution and handle time. Agent and team follow the conversation's row number.
  await db.raw(`insert into response_metrics (conversation_id, key, kind, episode, agent_id, team_id,
      channel_account_id, platform, channel, start_at, at, seconds, business_seconds, local_day, local_hour)
    select c.id, e.kind || ':1', e.kind, 1,
      case when e.kind in ('episode', 'inbound') then null else b.agents[1 + (c.n * 7) % 60] end,
      c.team_id, c.channel_account_id, case when c.n % 4 < 2 then 'x' else 'facebook' end,
      case when c.n % 5 = 0 then 'dm' else 'public' end,
      case when e.kind in ('episode', 'inbound') then null else c.t0 end,
      c.t0 + make_interval(secs => e.s), e.s, e.s * 0.4,
      (c.t0 + make_interval(secs => e.s)) at time zone 'Europe/Berlin',
      extract(hour from (c.t0 + make_interval(secs => e.s)) at time zone 'Europe/Berlin')
    from (select id, channel_account_id, team_id, first_inbound_at as t0,
            row_number() over () as n, random() as r from conversations) c
    cross join bench_ids b
    cross join lateral (values
      ('episode', 0::double precision), ('inbound', 0),
      ('first', 30 + exp(c.r * 9)),
      ('resolution', 600 + exp(c.r * 11)),
      ('handle', 300 + exp(c.r * 10))) e(kind, s)
    union all
    select c.id, 'next:1', 'next', 1, b.agents[1 + (c.n * 11) % 60], c.team_id, c.channel_account_id,
      case when c.n % 4 < 2 then 'x' else 'facebook' end, 'public', c.t0, c.t0 + make_interval(secs => 60 + exp(c.r * 8)),
      60 + exp(c.r * 8), (60 + exp(c.r * 8)) * 0.5,
      (c.t0 + make_interval(secs => 60 + exp(c.r * 8))) at time zone 'Europe/Berlin',
      extract(hour from (c.t0 + make_interval(secs => 60 + exp(c.r * 8))) at time zone 'Europe/Berlin')
    from (select id, channel_account_id, team_id, first_inbound_at as t0, row_number() over () as n, random() as r
          from conversations) c cross join bench_ids b
    where c.n % 3 = 0`);
}

/** Before a bulk load of response_metrics: no rollup trigger, no index to maintain row by row. */
export async function prepareResponseMetricsLoad(db: Knex): Promise<void> {
  await db.raw(`alter table response_metrics disable trigger response_metrics_rollup`);
  await db.raw(`drop index response_metrics_kind_day_idx`);
  await db.raw(`alter table response_metrics drop constraint response_metrics_key_unique`);
}

/** After the load and `buildRollups`: the index, the unique key and the trigger back. */
export async function finishResponseMetrics(db: Knex): Promise<void> {
  await db.raw(
    'create index response_metrics_kind_day_idx on response_metrics (kind, local_day) include (seconds, business_seconds)',
  );
  await db.raw(
    'alter table response_metrics add constraint response_metrics_key_unique unique (conversation_id, key)',
  );
  await db.raw('alter table response_metrics enable trigger response_metrics_rollup');
}

/** The rollups the trigger would have written row by row, in one statement per dimension. */
export async function buildRollups(db: Knex): Promise<void> {
  const dims: Record<string, string> = {
    day: "''",
    hour: 'local_hour::text',
    team: "coalesce(team_id::text, '')",
    agent: "coalesce(agent_id::text, '')",
    account: 'channel_account_id::text',
    channel: "platform || ':' || channel",
  };
  for (const [dim, expr] of Object.entries(dims)) {
    await db.raw(`insert into response_metric_rollups (dim, metric, period, day, dim_value, bucket, n, total)
      select '${dim}', v.metric, 'd', local_day, ${expr}, caredesk_metric_bucket(v.value), count(*), sum(v.value)
      from response_metrics cross join lateral (values (kind, seconds), (kind || '_bh', business_seconds)) v(metric, value)
      where v.value is not null
      group by 1, 2, 3, 4, 5, 6`);
  }
  await db.raw(`insert into response_metric_rollups (dim, metric, period, day, dim_value, bucket, n, total)
    select dim, metric, 'w', date_trunc('week', day)::date, dim_value, bucket, sum(n), sum(total)
    from response_metric_rollups where period = 'd' group by 1, 2, 3, 4, 5, 6`);
}

export async function reportsBench(opts: { conversations: number; keep: boolean }): Promise<void> {
  await withBenchDatabase(DB_NAME, { keep: opts.keep, label: 'reports' }, async (db) => {
    let t = performance.now();
    await migrateLatest(db);
    await load(db, opts.conversations);
    console.info(
      `reports: loaded ${opts.conversations} conversations and their metric events in ${secs(t)} s`,
    );
    t = performance.now();
    await db.transaction(async (trx) => {
      await trx.raw("set local maintenance_work_mem = '256MB'");
      await trx.raw("set local work_mem = '256MB'");
      await buildRollups(trx as unknown as Knex);
      await finishResponseMetrics(trx as unknown as Knex);
    });
    await db.raw('vacuum analyze response_metrics');
    await db.raw('vacuum analyze response_metric_rollups');
    const { rows } = (await db.raw(
      `select (select count(*) from response_metrics) as events, (select count(*) from response_metric_rollups) as rollups,
        pg_size_pretty(pg_total_relation_size('response_metrics')) as events_size,
        pg_size_pretty(pg_total_relation_size('response_metric_rollups')) as rollup_size`,
    )) as { rows: Array<Record<string, string>> };
    console.info(
      `reports: rollups, indexes, analyze in ${secs(t)} s; ${rows[0]?.events} events (${rows[0]?.events_size}), ${rows[0]?.rollups} rollup rows (${rows[0]?.rollup_size})`,
    );

    const to = new Date();
    const from = new Date(to.getTime() - 29 * 86_400_000);
    const day = (d: Date) => d.toISOString().slice(0, 10);
    console.info(`\n${'30-day report'.padEnd(36)} groups      p50      p95      max  (ms)`);
    const cases: Array<{ groupBy: ReportGrouping; metrics: 'all' | 'frt' }> = [
      { groupBy: 'day', metrics: 'all' },
      { groupBy: 'agent', metrics: 'all' },
      { groupBy: 'team', metrics: 'all' },
      { groupBy: 'hour', metrics: 'all' },
      { groupBy: 'channel', metrics: 'all' },
      { groupBy: 'day', metrics: 'frt' },
      { groupBy: 'agent', metrics: 'frt' },
    ];
    for (const c of cases) {
      const times: number[] = [];
      let groups = 0;
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        const report = await buildReport(db, {
          from: day(from),
          to: day(to),
          groupBy: c.groupBy,
          metrics: c.metrics === 'all' ? [...REPORT_METRICS] : ['frt'],
        });
        times.push(performance.now() - start);
        groups = report.groups.length;
      }
      times.sort((a, b) => a - b);
      console.info(
        `${`by ${c.groupBy}, metric=${c.metrics}`.padEnd(36)} ${String(groups).padStart(6)} ${ms(percentile(times, 50))} ${ms(percentile(times, 95))} ${ms(times[times.length - 1] ?? 0)}`,
      );
    }
  });
}

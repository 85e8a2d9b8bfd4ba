import { performance } from 'node:perf_hooks';
import type { Knex } from 'knex';
import pg from 'pg';
import { createDb } from '../server/db/knex';
import { migrateLatest } from '../server/db/migrate';
import { adminQuery, adminUrl, benchDatabaseUrl } from './benchDatabase';
import { buildRollups, finishResponseMetrics, prepareResponseMetricsLoad } from './reports';
import { loadResponseMetrics, TEXTS } from './seedInboxMetrics';

/**
 * A desk at scale for the inbox and report benchmarks: `conversations` conversations (default 3M) over
 * 40 days with 3-4 messages each (10M at 3M), 4 teams of 20 agents (half of them in two teams), 4 leads,
 * 8 channel accounts (2 per team, so an agent sees a quarter or half of the desk), customers with several
 * conversations, realistic statuses (old ones resolved, a backlog in the last two days), priorities,
 * tags, languages, waiting times and SLA deadlines, and the response-time events and rollups of the
 * reports. Bulk SQL only (generate_series, INSERT ... SELECT) with indexes and foreign-key checks off
 * during the load, rebuilt after, so 10M messages load in minutes.
 */
/** One database per size, so a small trial seed does not replace the full one. */
export const seedDbName = (conversations: number) => `caredesk_bench_inbox_${conversations}`;

export const TEAMS = 4;
export const AGENTS_PER_TEAM = 20;
const ACCOUNTS = 8;
const DAYS = 40;

export interface SeedInfo {
  conversations: number;
  messages: number;
  contacts: number;
  seconds: number;
}

export function seedUrl(conversations: number): string {
  return benchDatabaseUrl(seedDbName(conversations));
}

/** The seed recorded in the database, when it is complete (the last step writes it). */
async function existingSeed(conversations: number): Promise<SeedInfo | null> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [
      seedDbName(conversations),
    ]);
    if (found.rowCount === 0) return null;
  } finally {
    await client.end();
  }
  const db = createDb({ url: seedUrl(conversations), poolMax: 1 });
  try {
    const { rows } = (await db
      .raw("select info from bench_seed_info where to_regclass('bench_seed_info') is not null")
      .catch(() => ({ rows: [] }))) as { rows: Array<{ info: SeedInfo }> };
    return rows[0]?.info ?? null;
  } finally {
    await db.destroy();
  }
}

/** Index and constraint definitions of a table (primary key aside), to drop before a bulk load and rebuild. */
async function dropIndexes(db: Knex, table: string): Promise<string[]> {
  const { rows } = (await db.raw(
    `select i.indexrelid::regclass::text as name, c.conname, pg_get_indexdef(i.indexrelid) as indexdef,
       case when c.oid is not null then pg_get_constraintdef(c.oid) end as condef
     from pg_index i left join pg_constraint c on c.conindid = i.indexrelid and c.conrelid = i.indrelid
     where i.indrelid = ?::regclass and not i.indisprimary`,
    [table],
  )) as { rows: Array<{ name: string; conname: string | null; indexdef: string; condef: string | null }> };
  const rebuild: string[] = [];
  for (const r of rows) {
    if (r.conname && r.condef) {
      await db.raw(`alter table ${table} drop constraint ${r.conname}`);
      rebuild.push(`alter table ${table} add constraint ${r.conname} ${r.condef}`);
    } else {
      await db.raw(`drop index ${r.name}`);
      rebuild.push(r.indexdef);
    }
  }
  return rebuild;
}

async function loadPeople(db: Knex, contacts: number): Promise<void> {
  const teamNames = ['Support DE', 'Support EN', 'Social', 'VIP'];
  await db('teams').insert(teamNames.slice(0, TEAMS).map((name) => ({ name })));
  // Agents: team t has agents (t-1)*20+1 .. t*20; agents of even number also belong to the next team.
  await db.raw(`insert into users (email, name, initials, role)
    select 'agent' || g || '@bench', 'Agent ' || g, 'A' || (g % 100), 'agent' from generate_series(1, ${TEAMS * AGENTS_PER_TEAM}) g`);
  await db.raw(`insert into users (email, name, initials, role)
    select 'lead' || g || '@bench', 'Lead ' || g, 'L' || g, 'lead' from generate_series(1, 4) g`);
  await db.raw(`create table bench_ids as select
      (select array_agg(id order by name) from teams) as teams,
      (select array_agg(id order by (regexp_replace(email, '[^0-9]', '', 'g'))::int) from users where role = 'agent') as agents`);
  await db.raw(`insert into team_members (team_id, user_id)
    select b.teams[1 + (g - 1) / ${AGENTS_PER_TEAM}], b.agents[g] from bench_ids b, generate_series(1, ${TEAMS * AGENTS_PER_TEAM}) g
    union all
    select b.teams[1 + ((g - 1) / ${AGENTS_PER_TEAM} + 1) % ${TEAMS}], b.agents[g] from bench_ids b, generate_series(2, ${TEAMS * AGENTS_PER_TEAM}, 2) g`);
  await db.raw(`insert into channel_accounts (platform, handle, display_name, external_user_id, status, team_id)
    select case when g % 2 = 1 then 'x' else 'facebook' end, 'brand' || g, 'Brand ' || g, 'ext' || g, 'active',
      b.teams[1 + (g - 1) / 2]
    from bench_ids b, generate_series(1, ${ACCOUNTS}) g`);
  await db.raw(
    `alter table bench_ids add column accounts uuid[], add column platforms text[], add column policies uuid[]`,
  );
  await db.raw(`update bench_ids set
    accounts = (select array_agg(id order by (substring(handle from 6))::int) from channel_accounts),
    platforms = (select array_agg(platform order by (substring(handle from 6))::int) from channel_accounts),
    policies = (select array_agg(id order by case priority when 'low' then 1 when 'normal' then 2 when 'high' then 3 else 4 end)
      from sla_policies where platform is null and channel_account_id is null)`);
  // Customers: ids derived from their number, so conversations can point at them without a join.
  await db.raw(`insert into contacts (id, platform, platform_user_id, handle, name, followers_count, verified)
    select md5('contact' || g)::uuid, case when g % 2 = 1 then 'x' else 'facebook' end, 'u' || g, 'customer' || g,
      (array['Anna','Ben','Clara','David','Emma','Felix','Greta','Hans','Ida','Jonas','Lena','Max'])[1 + g % 12]
        || ' ' || (array['Müller','Schmidt','Smith','Jones','Weber','Brown','Fischer','Taylor'])[1 + (g / 12) % 8],
      (g::bigint * 7919) % 100000, g % 97 = 0
    from generate_series(1, ${contacts}) g`);
}

async function loadConversations(db: Knex, conversations: number, contacts: number): Promise<void> {
  // r: status mix, a: account, p: priority, s: assignee/tags/language. Recent ones (last 2 days) are the
  // backlog: 40% resolved, the rest new/open/pending/snoozed; older ones are 98.5% resolved.
  await db.raw(`insert into conversations (id, channel_account_id, contact_id, thread_key, status, priority,
      assignee_id, team_id, snippet, first_inbound_at, first_response_at, last_inbound_at, last_outbound_at,
      waiting_since, resolved_at, version, created_at, updated_at, snoozed_until, tags, language,
      sla_target, sla_started_at, sla_due_at, sla_at_risk_at, sla_policy_id)
    select x.id, b.accounts[x.a], md5('contact' || (1 + (x.g::bigint * 7919) % ${contacts}))::uuid, 't' || x.g, x.status,
      x.priority, case when x.assigned then b.agents[(x.team - 1) * ${AGENTS_PER_TEAM} + 1 + floor(x.s * ${AGENTS_PER_TEAM})::int] end,
      b.teams[x.team], left((array[${TEXTS.map((t) => `'${t.replace(/'/g, "''")}'`).join(',')}])[1 + x.g % ${TEXTS.length}], 140),
      x.t0, x.responded, x.last_in, x.responded, x.waiting, x.resolved_at, 1 + x.g % 7, x.t0,
      coalesce(x.resolved_at, x.last_in), x.snoozed,
      case when x.s < 0.5 then '{}'::text[]
        else array[(array['billing','outage','refund','vip','complaint','praise','delivery','login'])[1 + floor(x.s * 1000)::int % 8]]
          || case when x.s > 0.85 then array['escalated'] else '{}'::text[] end end,
      case when x.r2 < 0.4 then 'de' when x.r2 < 0.9 then 'en' else 'fr' end,
      case when x.waiting is not null then case when x.responded is null then 'first' else 'next' end end,
      x.waiting, x.waiting + make_interval(mins => x.sla_minutes),
      x.waiting + make_interval(mins => x.sla_minutes - greatest(5, x.sla_minutes / 4)),
      case when x.waiting is not null then b.policies[x.pi] end
    from bench_ids b, lateral (
      select y.*,
        case when y.status in ('new', 'open') and y.r2 * 10 - floor(y.r2 * 10) < 0.8 then y.last_in end as waiting,
        case y.pi when 1 then 240 when 2 then 60 when 3 then 30 else 15 end as sla_minutes,
        case when y.status = 'open' and y.snooze then now() + make_interval(hours => 1 + floor(y.s * 48)::int) end as snoozed
      from (
        select z.*, 1 + (z.a - 1) / 2 as team,
          case when z.status = 'resolved' then z.s < 0.97 when z.status = 'new' then false
            when z.status = 'pending' then true else z.s < 0.6 end as assigned,
          case when z.status = 'new' then null else z.t0 + make_interval(secs => 30 + exp(z.r2 * 9)) end as responded,
          z.t0 + make_interval(secs => case when z.status = 'new' then 0 else exp(z.r2 * 8) end) as last_in,
          case when z.status = 'resolved' then z.t0 + make_interval(secs => 600 + exp(z.r2 * 11)) end as resolved_at
        from (
          select w.*,
            case when w.recent then
              case when w.r < 0.40 then 'resolved' when w.r < 0.55 then 'new' when w.r < 0.85 then 'open' else 'pending' end
            else case when w.r < 0.985 then 'resolved' when w.r < 0.99 then 'pending' else 'open' end end as status,
            w.recent and w.r >= 0.80 and w.r < 0.85 as snooze,
            case when w.p < 0.1 then 'low' when w.p < 0.8 then 'normal' when w.p < 0.95 then 'high' else 'urgent' end as priority,
            case when w.p < 0.1 then 1 when w.p < 0.8 then 2 when w.p < 0.95 then 3 else 4 end as pi
          from (
            select g, md5('conv' || g)::uuid as id, random() as r, random() as r2, random() as p, random() as s,
              1 + (g * 31 + (g / 8)) % ${ACCOUNTS} as a,
              now() - interval '${DAYS} days' + (g::double precision / ${conversations}) * interval '${DAYS} days' as t0,
              g > ${conversations} - ${conversations} / ${DAYS / 2} as recent
            from generate_series(1, ${conversations}) g
          ) w
        ) z
      ) y
    ) x`);
}

async function loadMessages(db: Knex): Promise<void> {
  // 3 messages per conversation, a 4th for every third; customer and brand take turns (all customer
  // while new). The search vectors are computed by PostgreSQL (generated column) as in production.
  await db.raw(`insert into messages (conversation_id, channel_account_id, direction, external_id,
      in_reply_to_external_id, author_user_id, author_contact_id, author_name, author_handle, text,
      platform_created_at, received_at, delivery_state, sent_at, channel, created_at, updated_at)
    select c.id, c.channel_account_id, m.direction, c.thread_key || ':' || k,
      case when k > 1 then c.thread_key || ':' || (k - 1) end,
      case when m.direction = 'outbound' then c.assignee_id end,
      case when m.direction = 'inbound' then c.contact_id end,
      case when m.direction = 'inbound' then 'Customer' else 'Brand' end,
      case when m.direction = 'inbound' then 'customer' end,
      case when m.direction = 'outbound' then 'Thanks for reaching out, we are on it (' || k || ').'
        else (array[${TEXTS.map((t) => `'${t.replace(/'/g, "''")}'`).join(',')}])[1 + (h + k) % ${TEXTS.length}] end,
      m.at, m.at, case when m.direction = 'outbound' then 'sent' end,
      case when m.direction = 'outbound' then m.at end,
      case when h % 5 = 0 then 'dm' else 'public' end, m.at, m.at
    from (select *, abs(hashtext(thread_key)) as h from conversations) c
    cross join lateral generate_series(1, 3 + (c.h % 3 = 0)::int) k
    cross join lateral (select
      case when k % 2 = 1 or c.status = 'new' then 'inbound' else 'outbound' end as direction,
      c.first_inbound_at + (k - 1) * make_interval(secs => 60 + c.h % 3600) as at) m`);
}

/** Seeds the database from scratch (dropping any previous one); returns the sizes and the time taken. */
export async function seedInbox(opts: { conversations: number }): Promise<SeedInfo> {
  const started = performance.now();
  const step = (what: string) =>
    console.info(`seed: ${what} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  const name = seedDbName(opts.conversations);
  await adminQuery(`drop database if exists ${name} with (force)`);
  await adminQuery(`create database ${name}`);
  const db = createDb({ url: seedUrl(opts.conversations), poolMax: 1 });
  try {
    await migrateLatest(db);
    const contacts = Math.max(1, Math.round(opts.conversations / 6));
    await db.transaction(async (trx) => {
      const t = trx as unknown as Knex;
      await t.raw("set local maintenance_work_mem = '512MB'");
      await t.raw("set local work_mem = '128MB'");
      // Consistent by construction: skip the per-row foreign-key triggers of the bulk load.
      await t.raw('set local session_replication_role = replica');
      const rebuild = [
        ...(await dropIndexes(t, 'contacts')),
        ...(await dropIndexes(t, 'conversations')),
        ...(await dropIndexes(t, 'messages')),
      ];
      await loadPeople(t, contacts);
      step(`${contacts} contacts`);
      await loadConversations(t, opts.conversations, contacts);
      step(`${opts.conversations} conversations`);
      await loadMessages(t);
      step('messages');
      await prepareResponseMetricsLoad(t);
      await loadResponseMetrics(t);
      step('response-time events');
      await buildRollups(t);
      for (const sql of rebuild) await t.raw(sql);
      await finishResponseMetrics(t);
      step('rollups and indexes');
    });
    await db.raw('vacuum analyze');
    const { rows } = (await db.raw(
      'select (select count(*) from conversations) as c, (select count(*) from messages) as m',
    )) as { rows: Array<{ c: number; m: number }> };
    const info: SeedInfo = {
      conversations: Number(rows[0]?.c),
      messages: Number(rows[0]?.m),
      contacts,
      seconds: Math.round((performance.now() - started) / 1000),
    };
    await db.raw('create table bench_seed_info (info jsonb not null)');
    await db.raw('insert into bench_seed_info (info) values (?::jsonb)', [JSON.stringify(info)]);
    step('vacuum analyze');
    return info;
  } finally {
    await db.destroy();
  }
}

/**
 * The seeded database for a benchmark: reused when a complete seed of this size is there (`--keep` of
 * an earlier run, or `npm run bench:seed`), else seeded now. `release` drops it unless `keep`.
 */
export async function openSeed(opts: {
  conversations: number;
  keep: boolean;
}): Promise<{ info: SeedInfo; reused: boolean; release(): Promise<void> }> {
  const existing = await existingSeed(opts.conversations);
  const reused = existing !== null && existing.conversations === opts.conversations;
  const info = reused && existing ? existing : await seedInbox(opts);
  return {
    info,
    reused,
    async release() {
      if (opts.keep) console.info(`seed: kept database ${seedUrl(opts.conversations)}`);
      else await adminQuery(`drop database if exists ${seedDbName(opts.conversations)} with (force)`);
    },
  };
}

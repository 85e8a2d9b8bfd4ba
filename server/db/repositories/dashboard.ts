import type { Knex } from 'knex';
import { PRESENCE_STALE_SECONDS } from './presence';

const WAITING =
  "c.status in ('new','open') and c.waiting_since is not null and (c.snoozed_until is null or c.snoozed_until <= now())";

/** Conversations waiting for us: how many, the oldest, and their SLA states. */
export async function waitingSummary(db: Knex): Promise<{
  waiting: number;
  atRisk: number;
  breached: number;
  oldest: { id: string; waitingSince: Date; contactName: string; contactHandle: string } | null;
}> {
  const counts = await db('conversations as c')
    .whereRaw(WAITING)
    .first<{ waiting: number; at_risk: number; breached: number }>(
      db.raw('count(*)::int as waiting'),
      db.raw(
        "count(*) filter (where caredesk_sla_state(c.sla_due_at, c.sla_at_risk_at) = 'at_risk')::int as at_risk",
      ),
      db.raw(
        "count(*) filter (where caredesk_sla_state(c.sla_due_at, c.sla_at_risk_at) = 'breached')::int as breached",
      ),
    );
  const oldest = await db('conversations as c')
    .join('contacts as ct', 'ct.id', 'c.contact_id')
    .whereRaw(WAITING)
    .orderBy('c.waiting_since', 'asc')
    .first<{ id: string; waiting_since: Date; name: string; handle: string } | undefined>(
      'c.id',
      'c.waiting_since',
      'ct.name',
      'ct.handle',
    );
  return {
    waiting: counts.waiting,
    atRisk: counts.at_risk,
    breached: counts.breached,
    oldest: oldest
      ? {
          id: oldest.id,
          waitingSince: oldest.waiting_since,
          contactName: oldest.name,
          contactHandle: oldest.handle,
        }
      : null,
  };
}

/**
 * Inbound messages stored in the window ending at `now`, and in the same window of each of the
 * `days` days before (for the usual rate at this time of day).
 */
export async function inboundWindows(
  db: Knex,
  now: Date,
  windowMinutes: number,
  days: number,
): Promise<{ current: number; previous: number[] }> {
  const rows = await db
    .select<{ day: number; n: number }[]>(
      'd.day',
      db.raw(
        `(select count(*)::int from messages m
           where m.direction = 'inbound'
             and m.created_at > ?::timestamptz - make_interval(days => d.day, mins => ?)
             and m.created_at <= ?::timestamptz - make_interval(days => d.day)) as n`,
        [now.toISOString(), windowMinutes, now.toISOString()],
      ),
    )
    .from(db.raw('generate_series(0, ?) as d(day)', [days]))
    .orderBy('d.day');
  return { current: rows[0]?.n ?? 0, previous: rows.slice(1).map((r) => r.n) };
}

export interface AgentLoadRow {
  id: string;
  name: string;
  initials: string;
  role: string;
  online: boolean;
  tabs: number;
  availability: 'available' | 'away';
  capacity: number;
  viewing: string | null;
  assigned_open: number;
  assigned_waiting: number;
  last_seen_at: Date | null;
}

/** Every active agent-like user: online (a fresh tab), what they look at, and their load. */
export async function agentLoads(db: Knex): Promise<AgentLoadRow[]> {
  return db('users as u')
    .where('u.active', true)
    .whereIn('u.role', ['agent', 'lead', 'guide'])
    .select(
      'u.id',
      'u.name',
      'u.initials',
      'u.role',
      'u.availability',
      'u.capacity',
      db.raw(
        `exists (select 1 from agent_presence p where p.user_id = u.id and p.updated_at > now() - make_interval(secs => ?)) as online`,
        [PRESENCE_STALE_SECONDS],
      ),
      db.raw(
        `(select count(*)::int from agent_presence p where p.user_id = u.id and p.updated_at > now() - make_interval(secs => ?)) as tabs`,
        [PRESENCE_STALE_SECONDS],
      ),
      db.raw(
        `(select p.conversation_id from agent_presence p where p.user_id = u.id and p.conversation_id is not null
           and p.updated_at > now() - make_interval(secs => ?) order by p.updated_at desc limit 1) as viewing`,
        [PRESENCE_STALE_SECONDS],
      ),
      db.raw(
        `(select count(*)::int from conversations c where c.assignee_id = u.id and c.status in ('new','open','pending')) as assigned_open`,
      ),
      db.raw(
        `(select count(*)::int from conversations c where c.assignee_id = u.id and ${WAITING}) as assigned_waiting`,
      ),
      db.raw('(select max(p.updated_at) from agent_presence p where p.user_id = u.id) as last_seen_at'),
    )
    .orderByRaw('2');
}

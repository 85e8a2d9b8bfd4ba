import type { Knex } from 'knex';
import type {
  AgentLoadDto,
  AssignmentMode,
  Availability,
  TeamRoutingSettingsDto,
} from '../../../common/routing';
import { PRESENCE_STALE_SECONDS } from './presence';

/**
 * Statuses that count against an agent's capacity. `pending` does not: the ball is with the customer,
 * and a pending conversation that hears back is reopened (and counts again).
 */
export const LOAD_STATUSES = ['new', 'open'] as const;

const onlineSql = `exists (select 1 from agent_presence p where p.user_id = u.id
  and p.updated_at > now() - interval '${PRESENCE_STALE_SECONDS} seconds')`;
const loadSql = `(select count(*)::int from conversations c where c.assignee_id = u.id
  and c.status in ('new', 'open'))`;

/** Serialises auto-assignment for one team across every process, until the transaction ends. */
export async function lockTeamForAssignment(trx: Knex.Transaction, teamId: string): Promise<void> {
  await trx.raw(`select pg_advisory_xact_lock(hashtextextended('caredesk.assign.team:' || ?, 0))`, [teamId]);
}

/**
 * Locks agents for load counting (an agent in two teams is assigned by two team passes). Always in id
 * order, so two passes can never wait on each other in a circle.
 */
export async function lockAgentsForAssignment(trx: Knex.Transaction, userIds: string[]): Promise<void> {
  for (const id of [...userIds].sort()) {
    await trx.raw(`select pg_advisory_xact_lock(hashtextextended('caredesk.assign.agent:' || ?, 0))`, [id]);
  }
}

export async function getTeamAssignmentMode(
  trx: Knex.Transaction,
  teamId: string,
): Promise<AssignmentMode | undefined> {
  const row = await trx('teams')
    .where({ id: teamId })
    .first<{ assignment_mode: AssignmentMode } | undefined>('assignment_mode');
  return row?.assignment_mode;
}

export interface EligibleAgent {
  id: string;
  name: string;
  capacity: number;
  load: number;
}

/** Team members who are active, online, available and may work conversations (not guides), by id. */
export async function listEligibleAgents(trx: Knex.Transaction, teamId: string): Promise<EligibleAgent[]> {
  return trx('team_members as m')
    .join('users as u', 'u.id', 'm.user_id')
    .where('m.team_id', teamId)
    .where('u.active', true)
    .whereNot('u.role', 'guide')
    .where('u.availability', 'available')
    .whereRaw(onlineSql)
    .orderBy('u.id')
    .select('u.id', 'u.name', 'u.capacity', trx.raw(`${loadSql} as load`));
}

/** Each agent's load counted now (call after locking them). */
export async function countLoads(trx: Knex.Transaction, userIds: string[]): Promise<Map<string, number>> {
  const rows = await trx('conversations')
    .whereIn('assignee_id', userIds)
    .whereIn('status', LOAD_STATUSES)
    .groupBy('assignee_id')
    .select<{ assignee_id: string; n: number }[]>('assignee_id', trx.raw('count(*)::int as n'));
  const loads = new Map(userIds.map((id) => [id, 0]));
  for (const r of rows) loads.set(r.assignee_id, r.n);
  return loads;
}

/**
 * The team's waiting conversations, most urgent and longest waiting first, locked (skipping any a
 * person is changing right now). Snoozed ones wait until they wake; pending ones wait for the customer.
 */
export async function lockTeamQueue(
  trx: Knex.Transaction,
  teamId: string,
  limit: number,
): Promise<Array<{ id: string }>> {
  return trx('conversations')
    .where({ team_id: teamId })
    .whereNull('assignee_id')
    .whereIn('status', LOAD_STATUSES)
    .where((q) => q.whereNull('snoozed_until').orWhere('snoozed_until', '<=', trx.fn.now()))
    .orderByRaw(
      `case priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end,
       waiting_since nulls last, created_at, id`,
    )
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .select('id');
}

export async function getRoundRobinPointer(trx: Knex.Transaction, teamId: string): Promise<string | null> {
  const row = await trx('team_round_robin')
    .where({ team_id: teamId })
    .first<{ last_user_id: string | null } | undefined>('last_user_id');
  return row?.last_user_id ?? null;
}

export async function setRoundRobinPointer(
  trx: Knex.Transaction,
  teamId: string,
  userId: string,
): Promise<void> {
  await trx('team_round_robin')
    .insert({ team_id: teamId, last_user_id: userId, updated_at: trx.fn.now() })
    .onConflict('team_id')
    .merge(['last_user_id', 'updated_at']);
}

/** Teams with auto-assignment on and someone waiting unassigned (the sweeper's backlog pass). */
export async function listTeamsWithBacklog(db: Knex): Promise<string[]> {
  const rows = await db('teams as t')
    .whereNot('t.assignment_mode', 'off')
    .whereExists((q) =>
      q
        .select(db.raw('1'))
        .from('conversations as c')
        .whereRaw('c.team_id = t.id')
        .whereNull('c.assignee_id')
        .whereIn('c.status', LOAD_STATUSES),
    )
    .select<{ id: string }[]>('t.id');
  return rows.map((r) => r.id);
}

/** The auto-assigning teams a user is a member of. */
export async function listAssigningTeamsOf(db: Knex, userId: string): Promise<string[]> {
  const rows = await db('team_members as m')
    .join('teams as t', 't.id', 'm.team_id')
    .where('m.user_id', userId)
    .whereNot('t.assignment_mode', 'off')
    .select<{ id: string }[]>('t.id');
  return rows.map((r) => r.id);
}

/** Remembers when each agent was last online (from live tabs), so an away timeout survives tab closes. */
export async function recordLastOnline(db: Knex): Promise<void> {
  await db.raw(`
    update users u set last_online_at = p.seen
    from (select user_id, max(updated_at) as seen from agent_presence group by user_id) p
    where p.user_id = u.id and (u.last_online_at is null or u.last_online_at < p.seen)`);
}

/**
 * Conversations to hand back to the queue: open (new/open), unanswered (the customer is waiting), on an
 * auto-assigning team, assigned to a member who has been offline or away longer than the team's timeout.
 */
export async function listConversationsOfGoneAgents(
  db: Knex,
  limit = 500,
): Promise<Array<{ id: string; assignee_id: string; team_id: string; reason: 'offline' | 'away' }>> {
  const result = await db.raw(
    `select c.id, c.assignee_id, c.team_id,
            case when u.availability = 'away' then 'away' else 'offline' end as reason
       from conversations c
       join teams t on t.id = c.team_id and t.assignment_mode <> 'off'
       join team_members m on m.team_id = c.team_id and m.user_id = c.assignee_id
       join users u on u.id = c.assignee_id
      where c.status in ('new', 'open')
        and c.waiting_since is not null
        and (
          (u.availability = 'away'
            and u.availability_changed_at < now() - make_interval(mins => t.away_timeout_minutes))
          or (not ${onlineSql}
            and coalesce(u.last_online_at, '-infinity') < now() - make_interval(mins => t.away_timeout_minutes))
        )
      order by c.waiting_since
      limit ?`,
    [limit],
  );
  return result.rows;
}

export async function setAvailability(
  db: Knex,
  userId: string,
  availability: Availability,
): Promise<boolean> {
  const changed = await db('users')
    .where({ id: userId })
    .whereNot({ availability })
    .update({ availability, availability_changed_at: db.fn.now(), updated_at: db.fn.now() });
  return changed > 0;
}

export async function getAvailability(db: Knex, userId: string): Promise<Availability> {
  const row = await db('users').where({ id: userId }).first<{ availability: Availability }>('availability');
  return row.availability;
}

/** Teams with their assignment settings and members. */
export async function listTeamSettings(db: Knex): Promise<TeamRoutingSettingsDto[]> {
  const rows = await db('teams as t')
    .leftJoin('team_members as m', 'm.team_id', 't.id')
    .groupBy('t.id')
    .orderBy('t.name')
    .select(
      't.id',
      't.name',
      't.assignment_mode',
      't.away_timeout_minutes',
      db.raw("coalesce(array_agg(m.user_id) filter (where m.user_id is not null), '{}') as member_ids"),
    );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    assignmentMode: r.assignment_mode,
    awayTimeoutMinutes: r.away_timeout_minutes,
    memberIds: r.member_ids,
  }));
}

export async function updateTeamSettings(
  db: Knex,
  teamId: string,
  patch: { assignmentMode?: AssignmentMode | undefined; awayTimeoutMinutes?: number | undefined },
): Promise<boolean> {
  const values: Record<string, unknown> = { updated_at: db.fn.now() };
  if (patch.assignmentMode !== undefined) values.assignment_mode = patch.assignmentMode;
  if (patch.awayTimeoutMinutes !== undefined) values.away_timeout_minutes = patch.awayTimeoutMinutes;
  return (await db('teams').where({ id: teamId }).update(values)) > 0;
}

/** Every active user who can take conversations, with capacity, availability, online and load. */
export async function listAgentLoads(db: Knex): Promise<AgentLoadDto[]> {
  const rows = await db('users as u')
    .where('u.active', true)
    .whereNot('u.role', 'guide')
    .orderBy('u.name')
    .select(
      'u.id',
      'u.name',
      'u.initials',
      'u.role',
      'u.capacity',
      'u.availability',
      db.raw(`${onlineSql} as online`),
      db.raw(`${loadSql} as load`),
    );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    initials: r.initials,
    role: r.role,
    capacity: r.capacity,
    availability: r.availability,
    online: r.online,
    load: r.load,
  }));
}

export async function updateCapacity(db: Knex, userId: string, capacity: number): Promise<boolean> {
  return (await db('users').where({ id: userId }).update({ capacity, updated_at: db.fn.now() })) > 0;
}

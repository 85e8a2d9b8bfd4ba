import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';

/** Test helpers for auto-assignment: conversations waiting in a team, agents online, the load audit. */

export async function insertWaitingConversation(
  db: Knex,
  input: { channelAccountId: string; teamId: string; priority?: string; waitedMinutes?: number },
): Promise<string> {
  const key = randomUUID();
  const [contact] = await db('contacts')
    .insert({ platform: 'x', platform_user_id: key, handle: `c_${key.slice(0, 8)}`, name: 'Customer' })
    .returning<{ id: string }[]>('id');
  const [row] = await db('conversations')
    .insert({
      channel_account_id: input.channelAccountId,
      contact_id: contact!.id,
      thread_key: key,
      team_id: input.teamId,
      priority: input.priority ?? 'normal',
      snippet: 'Hilfe',
      waiting_since: db.raw(`now() - make_interval(mins => ?)`, [input.waitedMinutes ?? 1]),
      first_inbound_at: db.fn.now(),
    })
    .returning<{ id: string }[]>('id');
  return row!.id;
}

/** A live tab for each user (heartbeat now), as the browser's presence reports would leave. */
export async function setOnline(db: Knex, userIds: string[]): Promise<void> {
  for (const userId of userIds) {
    await db('agent_presence')
      .insert({ socket_id: `test-${userId}`, user_id: userId, updated_at: db.fn.now() })
      .onConflict('socket_id')
      .merge(['updated_at']);
  }
}

export async function setOffline(db: Knex, userIds: string[]): Promise<void> {
  await db('agent_presence').whereIn('user_id', userIds).delete();
}

export async function ensureFakeXAccount(db: Knex): Promise<string> {
  const [row] = await db('channel_accounts')
    .insert({ platform: 'x', handle: 'brand', external_user_id: `ext-${randomUUID()}` })
    .returning<{ id: string }[]>('id');
  return row!.id;
}

export interface LoadViolation {
  eventId: string;
  userId: string;
  load: number;
  capacity: number;
}

/**
 * Replays the audit trail in event order and returns every moment an agent held more conversations
 * (status new/open) than their capacity after an automatic assignment. Event ids are taken inside each
 * transaction, before it commits: an assignment that relied on capacity freed by another change always
 * comes after that change's event, so the replay can only over-count, never hide a violation.
 */
export async function replayAssignmentLoads(
  db: Knex,
): Promise<{ violations: LoadViolation[]; autoAssignments: number }> {
  const capacities = new Map(
    (await db('users').select<{ id: string; capacity: number }[]>('id', 'capacity')).map((u) => [
      u.id,
      u.capacity,
    ]),
  );
  const events = await db('conversation_events')
    .whereIn('type', [
      'conversation.assigned',
      'conversation.claimed',
      'conversation.unassigned',
      'conversation.takeover',
      'conversation.returned_to_queue',
      'conversation.status_changed',
      'conversation.reopened',
    ])
    .orderBy('id')
    .select<Array<{ id: string; conversation_id: string; type: string; data: Record<string, unknown> }>>(
      'id',
      'conversation_id',
      'type',
      'data',
    );
  const counts = (status: string) => status === 'new' || status === 'open';
  const state = new Map<string, { assignee: string | null; status: string }>();
  const load = new Map<string, number>();
  const change = (user: string | null, delta: number) => {
    if (user) load.set(user, (load.get(user) ?? 0) + delta);
  };
  const violations: LoadViolation[] = [];
  let autoAssignments = 0;
  for (const e of events) {
    const s = state.get(e.conversation_id) ?? { assignee: null, status: 'new' };
    if (e.type === 'conversation.status_changed' || e.type === 'conversation.reopened') {
      const to = e.type === 'conversation.reopened' ? 'open' : String(e.data.to);
      if (counts(s.status) && !counts(to)) change(s.assignee, -1);
      if (!counts(s.status) && counts(to)) change(s.assignee, +1);
      s.status = to;
    } else {
      const to =
        e.type === 'conversation.returned_to_queue' || e.type === 'conversation.unassigned'
          ? null
          : (e.data.to as string | null);
      if (counts(s.status)) {
        change(s.assignee, -1);
        change(to, +1);
      }
      s.assignee = to;
      if (e.type === 'conversation.assigned' && e.data.auto === true && to) {
        autoAssignments++;
        const capacity = capacities.get(to) ?? 0;
        if ((load.get(to) ?? 0) > capacity)
          violations.push({ eventId: e.id, userId: to, load: load.get(to) ?? 0, capacity });
      }
    }
    state.set(e.conversation_id, s);
  }
  return { violations, autoAssignments };
}

import type { Knex } from 'knex';
import type { AssignmentMode } from '../../common/routing';
import {
  countLoads,
  type EligibleAgent,
  getRoundRobinPointer,
  getTeamAssignmentMode,
  listConversationsOfGoneAgents,
  listEligibleAgents,
  lockAgentsForAssignment,
  lockTeamForAssignment,
  lockTeamQueue,
  setRoundRobinPointer,
} from '../db/repositories/assignment';
import { recordConversationEvent } from '../db/repositories/conversationEvents';
import { lockConversation, updateConversation } from '../db/repositories/conversations';
import { notifyEvent } from '../realtime/bus';

/** At most this many conversations per pass; the next trigger or sweep takes the rest. */
const MAX_PER_PASS = 200;

/** Picks the agent for the next conversation, or null when everyone is at capacity. */
export function pickAgent(
  mode: Exclude<AssignmentMode, 'off'>,
  agents: readonly EligibleAgent[],
  pointer: string | null,
): EligibleAgent | null {
  const free = agents.filter((a) => a.load < a.capacity);
  if (free.length === 0) return null;
  // Cyclic order by id, starting after the last agent who got one: round robin, and the tie-break for
  // least-loaded so equal loads take turns.
  const sorted = [...free].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const start = pointer === null ? 0 : sorted.findIndex((a) => a.id > pointer);
  const cyclic = start <= 0 ? sorted : [...sorted.slice(start), ...sorted.slice(0, start)];
  if (mode === 'round_robin') return cyclic[0] ?? null;
  let best: EligibleAgent | null = null;
  for (const a of cyclic) if (best === null || a.load < best.load) best = a;
  return best;
}

/**
 * One auto-assignment pass over a team's queue. The team is locked for the pass (advisory lock, every
 * process) and each candidate agent too (an agent may be in several teams), and loads are counted
 * inside those locks: no agent is ever given more than their capacity, however many passes run at once.
 * Returns the number of conversations assigned.
 */
export async function autoAssignTeam(db: Knex, teamId: string): Promise<number> {
  return db.transaction(async (trx) => {
    await lockTeamForAssignment(trx, teamId);
    const mode = await getTeamAssignmentMode(trx, teamId);
    if (!mode || mode === 'off') return 0;
    const candidates = await listEligibleAgents(trx, teamId);
    if (candidates.length === 0) return 0;
    await lockAgentsForAssignment(
      trx,
      candidates.map((a) => a.id),
    );
    const loads = await countLoads(
      trx,
      candidates.map((a) => a.id),
    );
    const agents = candidates.map((a) => ({ ...a, load: loads.get(a.id) ?? 0 }));
    if (!agents.some((a) => a.load < a.capacity)) return 0;
    const queue = await lockTeamQueue(trx, teamId, MAX_PER_PASS);
    let pointer = await getRoundRobinPointer(trx, teamId);
    let assigned = 0;
    for (const conversation of queue) {
      const agent = pickAgent(mode, agents, pointer);
      if (!agent) break;
      const version = await updateConversation(trx, conversation.id, { assignee_id: agent.id });
      await recordConversationEvent(trx, {
        conversationId: conversation.id,
        type: 'conversation.assigned',
        actorKind: 'system',
        data: {
          from: null,
          to: agent.id,
          assigneeName: agent.name,
          auto: true,
          mode,
          teamId,
          loadBefore: agent.load,
          capacity: agent.capacity,
        },
      });
      await notifyEvent(trx, { type: 'conversation.updated', conversationId: conversation.id, version });
      agent.load++;
      pointer = agent.id;
      assigned++;
    }
    if (pointer) await setRoundRobinPointer(trx, teamId, pointer);
    return assigned;
  });
}

/**
 * Hands the open, unanswered conversations of agents who have been offline or away longer than their
 * team's timeout back to the team's queue (audited); returns the teams that got some back.
 */
export async function returnConversationsOfGoneAgents(db: Knex): Promise<string[]> {
  const found = await listConversationsOfGoneAgents(db);
  const teams = new Set<string>();
  for (const item of found) {
    const returned = await db.transaction(async (trx) => {
      const current = await lockConversation(trx, item.id);
      // Re-checked under the lock: someone may have answered or taken it meanwhile.
      if (!current || current.assignee_id !== item.assignee_id || current.waiting_since === null)
        return false;
      if (current.status !== 'new' && current.status !== 'open') return false;
      const version = await updateConversation(trx, item.id, { assignee_id: null });
      await recordConversationEvent(trx, {
        conversationId: item.id,
        type: 'conversation.returned_to_queue',
        actorKind: 'system',
        data: { from: item.assignee_id, reason: item.reason, teamId: item.team_id },
      });
      await notifyEvent(trx, { type: 'conversation.updated', conversationId: item.id, version });
      return true;
    });
    if (returned) teams.add(item.team_id);
  }
  return [...teams];
}

import type { Knex } from 'knex';
import { listTeamsWithBacklog, recordLastOnline } from '../db/repositories/assignment';
import { autoAssignTeam, returnConversationsOfGoneAgents } from './autoAssign';

/**
 * The sweeper's share of auto-assignment: remember who is online, hand back the conversations of agents
 * gone longer than their team's timeout, then assign every team's backlog (agents who came online,
 * capacity freed by changes no trigger saw, jobs lost with the queue).
 */
export async function sweepAssignments(db: Knex): Promise<{ returnedTeams: number; assigned: number }> {
  await recordLastOnline(db);
  const returnedTeams = await returnConversationsOfGoneAgents(db);
  let assigned = 0;
  for (const teamId of await listTeamsWithBacklog(db)) assigned += await autoAssignTeam(db, teamId);
  return { returnedTeams: returnedTeams.length, assigned };
}

import type { Knex } from 'knex';
import type { RoutingRuleDto } from '../../common/routing';
import { recordConversationEvent } from '../db/repositories/conversationEvents';
import { updateConversation } from '../db/repositories/conversations';
import { getRoutingSubject, listRoutingRules } from '../db/repositories/routingRules';
import { notifyEvent } from '../realtime/bus';
import { firstMatchingRule, plannedChanges } from './matchRoutingRule';

/**
 * Applies the first matching enabled routing rule (in order) to a conversation ingest just created, in
 * the ingest transaction: team, priority, tags; audited as `conversation.routed` with the rule's name.
 * A rule naming a team that was deleted since still sets the priority and tags.
 */
export async function routeNewConversation(
  trx: Knex.Transaction,
  conversationId: string,
  /** The rules, when the caller already read them in this transaction (a batch of ingests). */
  loadedRules?: RoutingRuleDto[],
): Promise<{ ruleName: string; teamId: string | null } | null> {
  const rules = loadedRules ?? (await listRoutingRules(trx));
  if (!rules.some((r) => r.enabled)) return null;
  const row = await getRoutingSubject(trx, conversationId);
  if (!row) return null;
  const match = firstMatchingRule(rules, {
    channelAccountId: row.channel_account_id,
    language: row.language,
    text: row.first_text ?? row.snippet ?? '',
    tags: row.tags,
    followers: row.followers_count,
    verified: row.verified,
  });
  if (!match) return null;
  const changes = plannedChanges(match.rule.actions, {
    teamId: row.team_id,
    priority: row.priority,
    tags: row.tags,
  });
  if (changes.teamId && !(await trx('teams').where({ id: changes.teamId }).first('id')))
    delete changes.teamId;
  const update: Record<string, unknown> = {};
  if (changes.teamId) update.team_id = changes.teamId;
  if (changes.priority) update.priority = changes.priority;
  if (changes.addTags) update.tags = [...row.tags, ...changes.addTags];
  if (Object.keys(update).length > 0) {
    const version = await updateConversation(trx, conversationId, update);
    await notifyEvent(trx, { type: 'conversation.updated', conversationId, version });
  }
  await recordConversationEvent(trx, {
    conversationId,
    type: 'conversation.routed',
    actorKind: 'system',
    data: { ruleId: match.rule.id, ruleName: match.rule.name, ...changes },
  });
  return { ruleName: match.rule.name, teamId: changes.teamId ?? row.team_id };
}

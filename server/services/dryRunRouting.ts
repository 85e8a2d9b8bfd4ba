import type { Knex } from 'knex';
import type { DryRunResponse, RoutingRuleInput } from '../../common/routing';
import { listRecentRoutingSubjects } from '../db/repositories/routingRules';
import { firstMatchingRule, plannedChanges } from './matchRoutingRule';

/**
 * Which rule of an unsaved set would match each of the newest conversations, and what it would change.
 * Reads only: nothing is written.
 */
export async function dryRunRoutingRules(
  db: Knex,
  rules: RoutingRuleInput[],
  limit: number,
): Promise<DryRunResponse> {
  const rows = await listRecentRoutingSubjects(db, limit);
  const items = rows.map((row) => {
    const match = firstMatchingRule(rules, {
      channelAccountId: row.channel_account_id,
      language: row.language,
      text: row.first_text ?? row.snippet ?? '',
      tags: row.tags,
      followers: row.followers_count,
      verified: row.verified,
    });
    return {
      conversationId: row.id,
      snippet: row.snippet ?? '',
      authorName: row.author_name ?? '',
      createdAt: new Date(row.created_at).toISOString(),
      ruleIndex: match?.index ?? null,
      ruleName: match?.rule.name ?? null,
      changes: match
        ? plannedChanges(match.rule.actions, { teamId: row.team_id, priority: row.priority, tags: row.tags })
        : {},
    };
  });
  return { examined: rows.length, matched: items.filter((i) => i.ruleIndex !== null).length, items };
}

import type { RoutingActions, RoutingConditions } from '../../common/routing';
import type { Priority } from '../../common/types';

/** What a rule is matched against: the new conversation, its first message and its customer. */
export interface RoutingSubject {
  channelAccountId: string;
  language: string | null;
  text: string;
  tags: string[];
  followers: number | null;
  verified: boolean;
}

export interface MatchableRule {
  name: string;
  enabled: boolean;
  conditions: RoutingConditions;
  actions: RoutingActions;
}

/** Lower case, accents and umlauts folded to their base letter, ß to ss: "Störung" → "storung". */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replaceAll('ß', 'ss');
}

/** Words of a text after folding; anything that is not a letter or digit separates words. */
export function wordsOf(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** True when any keyword (a word or a phrase of words) occurs as whole words in the text. */
export function matchesKeywords(text: string, keywords: readonly string[]): boolean {
  const words = wordsOf(text);
  return keywords.some((keyword) => {
    const phrase = wordsOf(keyword);
    if (phrase.length === 0) return false;
    for (let i = 0; i + phrase.length <= words.length; i++) {
      if (phrase.every((w, j) => words[i + j] === w)) return true;
    }
    return false;
  });
}

const nonEmpty = <T>(list: readonly T[] | undefined): list is readonly T[] => !!list && list.length > 0;

/** Every condition that is set must hold; a rule without conditions matches everything. */
export function ruleMatches(conditions: RoutingConditions, subject: RoutingSubject): boolean {
  if (
    nonEmpty(conditions.channelAccountIds) &&
    !conditions.channelAccountIds.includes(subject.channelAccountId)
  )
    return false;
  if (nonEmpty(conditions.languages)) {
    const lang = subject.language?.toLowerCase() ?? null;
    // "de" matches "de-AT": platforms report either.
    if (
      !lang ||
      !conditions.languages.some((l) => lang === l.toLowerCase() || lang.startsWith(`${l.toLowerCase()}-`))
    )
      return false;
  }
  if (nonEmpty(conditions.keywords) && !matchesKeywords(subject.text, conditions.keywords)) return false;
  if (nonEmpty(conditions.tags)) {
    const tags = new Set(subject.tags.map((t) => t.toLowerCase()));
    if (!conditions.tags.some((t) => tags.has(t.toLowerCase()))) return false;
  }
  if (conditions.minFollowers !== undefined && (subject.followers ?? 0) < conditions.minFollowers)
    return false;
  if (conditions.verified !== undefined && subject.verified !== conditions.verified) return false;
  return true;
}

/** The first enabled rule, in order, whose conditions hold; its index in the list, or null. */
export function firstMatchingRule<R extends MatchableRule>(
  rules: readonly R[],
  subject: RoutingSubject,
): { rule: R; index: number } | null {
  for (const [index, rule] of rules.entries()) {
    if (rule.enabled && ruleMatches(rule.conditions, subject)) return { rule, index };
  }
  return null;
}

/** What applying the rule's actions would change on a conversation (only real changes are listed). */
export function plannedChanges(
  actions: RoutingActions,
  current: { teamId: string | null; priority: Priority; tags: string[] },
): { teamId?: string | null; priority?: Priority; addTags?: string[] } {
  const changes: { teamId?: string | null; priority?: Priority; addTags?: string[] } = {};
  if (actions.teamId && actions.teamId !== current.teamId) changes.teamId = actions.teamId;
  if (actions.priority && actions.priority !== current.priority) changes.priority = actions.priority;
  const have = new Set(current.tags);
  const added = [...new Set(actions.addTags ?? [])].filter((t) => !have.has(t));
  if (added.length > 0) changes.addTags = added;
  return changes;
}

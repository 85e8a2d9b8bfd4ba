import type { RoutingRuleDto, RoutingRuleInput } from '../../../../common/routing';
import type { Priority } from '../../../../common/types';

/** A rule as the form edits it: lists as comma-separated text, numbers as text. */
export interface RuleDraft {
  id: string | null;
  name: string;
  enabled: boolean;
  channelAccountIds: string[];
  languages: string;
  keywords: string;
  tags: string;
  minFollowers: string;
  verified: '' | 'yes' | 'no';
  teamId: string;
  priority: '' | Priority;
  addTags: string;
}

export const EMPTY_DRAFT: RuleDraft = {
  id: null,
  name: '',
  enabled: true,
  channelAccountIds: [],
  languages: '',
  keywords: '',
  tags: '',
  minFollowers: '',
  verified: '',
  teamId: '',
  priority: '',
  addTags: '',
};

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

export function ruleToDraft(rule: RoutingRuleDto): RuleDraft {
  const c = rule.conditions;
  const a = rule.actions;
  return {
    id: rule.id,
    name: rule.name,
    enabled: rule.enabled,
    channelAccountIds: c.channelAccountIds ?? [],
    languages: (c.languages ?? []).join(', '),
    keywords: (c.keywords ?? []).join(', '),
    tags: (c.tags ?? []).join(', '),
    minFollowers: c.minFollowers === undefined ? '' : String(c.minFollowers),
    verified: c.verified === undefined ? '' : c.verified ? 'yes' : 'no',
    teamId: a.teamId ?? '',
    priority: a.priority ?? '',
    addTags: (a.addTags ?? []).join(', '),
  };
}

/** The API shape; empty fields are left out, so they do not constrain the rule. */
export function draftToInput(d: RuleDraft): RoutingRuleInput {
  const conditions: RoutingRuleInput['conditions'] = {};
  if (d.channelAccountIds.length > 0) conditions.channelAccountIds = d.channelAccountIds;
  if (list(d.languages).length > 0) conditions.languages = list(d.languages).map((l) => l.toLowerCase());
  if (list(d.keywords).length > 0) conditions.keywords = list(d.keywords);
  if (list(d.tags).length > 0) conditions.tags = list(d.tags);
  if (d.minFollowers.trim() !== '') conditions.minFollowers = Number(d.minFollowers);
  if (d.verified !== '') conditions.verified = d.verified === 'yes';
  const actions: RoutingRuleInput['actions'] = {};
  if (d.teamId !== '') actions.teamId = d.teamId;
  if (d.priority !== '') actions.priority = d.priority;
  if (list(d.addTags).length > 0) actions.addTags = list(d.addTags);
  return { name: d.name.trim(), enabled: d.enabled, conditions, actions };
}

export const hasAction = (d: RuleDraft) => d.teamId !== '' || d.priority !== '' || list(d.addTags).length > 0;

import type { Priority } from './types';

/** What a routing rule looks at; every condition given must hold (empty lists are ignored). */
export interface RoutingConditions {
  channelAccountIds?: string[];
  /** Language codes as the platform reports them ("de", "en"). */
  languages?: string[];
  /** Any of these words or phrases, as whole words, ignoring case and accents ("storung" finds "Störung"). */
  keywords?: string[];
  /** Any of these tags on the conversation. */
  tags?: string[];
  minFollowers?: number;
  verified?: boolean;
}

/** What a matching rule does to the new conversation. */
export interface RoutingActions {
  teamId?: string | null;
  priority?: Priority | null;
  addTags?: string[];
}

export interface RoutingRuleInput {
  name: string;
  enabled: boolean;
  conditions: RoutingConditions;
  actions: RoutingActions;
}

export interface RoutingRuleDto extends RoutingRuleInput {
  id: string;
  position: number;
}

export interface RoutingRuleListResponse {
  rules: RoutingRuleDto[];
}

/** `POST /api/routing-rules/dry-run`: an unsaved rule set against recent conversations. */
export interface DryRunRequest {
  rules: RoutingRuleInput[];
  limit?: number;
}

export interface DryRunMatch {
  conversationId: string;
  snippet: string;
  authorName: string;
  createdAt: string;
  /** Index into the request's rules; null when no rule matches. */
  ruleIndex: number | null;
  ruleName: string | null;
  changes: { teamId?: string | null; priority?: Priority; addTags?: string[] };
}

export interface DryRunResponse {
  examined: number;
  matched: number;
  items: DryRunMatch[];
}

export const ASSIGNMENT_MODES = ['off', 'round_robin', 'least_loaded'] as const;
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];
export const AVAILABILITIES = ['available', 'away'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

export interface TeamRoutingSettingsDto {
  id: string;
  name: string;
  assignmentMode: AssignmentMode;
  awayTimeoutMinutes: number;
  memberIds: string[];
}

export interface AgentLoadDto {
  id: string;
  name: string;
  initials: string;
  role: string;
  capacity: number;
  availability: Availability;
  online: boolean;
  /** Assigned conversations counting against capacity (status new or open). */
  load: number;
}

export interface RoutingSettingsResponse {
  teams: TeamRoutingSettingsDto[];
  agents: AgentLoadDto[];
}

export interface AvailabilityResponse {
  availability: Availability;
}

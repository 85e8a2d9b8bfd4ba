import { ALWAYS_OPEN, addBusinessMinutes, type BusinessCalendar } from '../../common/businessTime';
import { atRiskMinutes, DEFAULT_SLA_TARGETS } from '../../common/sla';
import type { SlaFields, SlaInputRow } from '../db/repositories/conversationSla';
import type { SlaPolicyRow } from '../db/repositories/slaSettings';

/** The policies and calendars in force, loaded once per computation (or batch). */
export interface SlaConfig {
  policies: SlaPolicyRow[];
  /** By team id; '' is the default calendar. */
  calendars: Map<string, BusinessCalendar>;
}

/** The most specific policy for the conversation: its account, else its platform, else the default. */
export function policyFor(
  config: SlaConfig,
  c: Pick<SlaInputRow, 'channel_account_id' | 'platform' | 'priority'>,
): { id: string | null; first: number; next: number } {
  const candidates = config.policies.filter((p) => p.priority === c.priority);
  const match =
    candidates.find((p) => p.channel_account_id === c.channel_account_id) ??
    candidates.find((p) => p.channel_account_id === null && p.platform === c.platform) ??
    candidates.find((p) => p.channel_account_id === null && p.platform === null);
  if (!match) return { id: null, ...DEFAULT_SLA_TARGETS[c.priority] };
  return { id: match.id, first: match.first_response_minutes, next: match.next_response_minutes };
}

/** The team's own calendar, else the default calendar, else 24/7. */
export function calendarFor(config: SlaConfig, teamId: string | null): BusinessCalendar {
  return (teamId ? config.calendars.get(teamId) : undefined) ?? config.calendars.get('') ?? ALWAYS_OPEN;
}

/** A customer message arrived at `at`; `reopened` when it reopened a resolved conversation. */
export interface InboundSignal {
  at: Date;
  reopened: boolean;
}

/**
 * The SLA columns a conversation should have now. The clock starts at the inbound that made the customer
 * wait: the first one (first response), the one that reopened a resolved conversation (first response
 * again), or the first after our last reply (next response). While the customer keeps writing the clock
 * runs on; a sent reply (waiting_since cleared) stops it; a resolved conversation has no due time.
 * A recorded breach stays recorded while the (possibly recomputed) due time is still past.
 */
export function computeSlaFields(
  row: SlaInputRow,
  config: SlaConfig,
  now: Date,
  inbound?: InboundSignal,
): SlaFields {
  const none: SlaFields = {
    sla_target: null,
    sla_started_at: null,
    sla_due_at: null,
    sla_at_risk_at: null,
    sla_policy_id: null,
    sla_breached_at: null,
  };
  if (row.waiting_since === null) return none;
  let started = row.sla_started_at;
  let target = row.sla_target;
  if (inbound && (inbound.reopened || started === null)) {
    started = inbound.at;
    target = inbound.reopened || row.first_response_at === null ? 'first' : 'next';
  } else if (started === null || target === null) {
    started = row.waiting_since;
    target = row.first_response_at === null ? 'first' : 'next';
  }
  // Resolved: no due time, but the clock and a recorded breach are kept for an agent's reopen.
  if (row.status === 'resolved')
    return { ...none, sla_target: target, sla_started_at: started, sla_breached_at: row.sla_breached_at };
  const policy = policyFor(config, row);
  const minutes = target === 'first' ? policy.first : policy.next;
  const { due, atRisk } = dueTimes(started, minutes, calendarFor(config, row.team_id));
  const stillBreached = row.sla_breached_at !== null && due.getTime() < now.getTime();
  return {
    sla_target: target,
    sla_started_at: started,
    sla_due_at: due,
    sla_at_risk_at: atRisk,
    sla_policy_id: policy.id,
    sla_breached_at: stillBreached ? row.sla_breached_at : null,
  };
}

/**
 * Due and at-risk instants in business time. A calendar that never opens (every day a holiday for
 * years) must not stop ingest or replies: the target then counts around the clock.
 */
function dueTimes(started: Date, minutes: number, calendar: BusinessCalendar): { due: Date; atRisk: Date } {
  try {
    return {
      due: addBusinessMinutes(started, minutes, calendar),
      atRisk: addBusinessMinutes(started, minutes - atRiskMinutes(minutes), calendar),
    };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return dueTimes(started, minutes, ALWAYS_OPEN);
  }
}

const same = (a: unknown, b: unknown) =>
  a instanceof Date || b instanceof Date
    ? (a as Date | null)?.getTime() === (b as Date | null)?.getTime()
    : a === b;

/** Whether writing `next` would change anything stored. */
export function slaFieldsDiffer(row: SlaInputRow, next: SlaFields): boolean {
  return (Object.keys(next) as Array<keyof SlaFields>).some((k) => !same(row[k], next[k]));
}

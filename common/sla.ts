import type { Priority } from './types';

/** Where a waiting customer stands against the response target. */
export const SLA_STATES = ['ok', 'at_risk', 'breached'] as const;
export type SlaState = (typeof SLA_STATES)[number];

/** Which target applies: the first answer in a conversation (or after a reopen), or the next one. */
export const SLA_TARGETS = ['first', 'next'] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];

/**
 * Targets of the seeded default policy, in business minutes (migration 20 seeds the same numbers;
 * they apply when no policy row matches at all).
 */
export const DEFAULT_SLA_TARGETS: Record<Priority, { first: number; next: number }> = {
  urgent: { first: 15, next: 30 },
  high: { first: 30, next: 60 },
  normal: { first: 60, next: 120 },
  low: { first: 240, next: 480 },
};

/**
 * At risk within the last quarter of the target, but never later than 5 minutes before it (and never
 * before the clock starts). Counted in business minutes; the server stores the resulting instant as
 * `sla_at_risk_at`, which the SQL function `caredesk_sla_state` compares with now().
 */
export function atRiskMinutes(targetMinutes: number): number {
  return Math.min(targetMinutes, Math.max(5, Math.floor(targetMinutes / 4)));
}

/** Same rule as the SQL function `caredesk_sla_state(due, at_risk)`, for a live (ticking) display. */
export function slaStateAt(dueAt: string | null, atRiskAt: string | null, now: number): SlaState | null {
  if (dueAt === null) return null;
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return null;
  if (due < now) return 'breached';
  const atRisk = atRiskAt === null ? due : Date.parse(atRiskAt);
  return atRisk <= now ? 'at_risk' : 'ok';
}

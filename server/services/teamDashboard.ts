import type { Knex } from 'knex';
import type { DashboardResponse } from '../../common/types';
import { listAccountHealth } from '../db/repositories/accountHealth';
import { countViews } from '../db/repositories/conversationList';
import { agentLoads, inboundWindows, waitingSummary } from '../db/repositories/dashboard';

export interface SpikeConfig {
  /** Alert when the last 15 minutes bring more than `factor` × the usual inbound for that time of day… */
  factor: number;
  /** …and at least this many messages (3 instead of 1 at night is no outage). */
  minInbound: number;
}
export const DEFAULT_SPIKE: SpikeConfig = { factor: 3, minInbound: 10 };

export const RATE_WINDOW_MINUTES = 15;
/** The usual rate: the same 15 minutes of the day on each of the last 14 days, averaged. */
export const USUAL_RATE_DAYS = 14;

/**
 * Is this a spike? The usual rate is the mean of the same window on the previous days; with no history
 * (a new installation) only the minimum count applies, so a first busy morning is flagged rather than
 * hidden.
 */
export function detectSpike(current: number, previous: readonly number[], config: SpikeConfig) {
  const usual = previous.length === 0 ? 0 : previous.reduce((a, b) => a + b, 0) / previous.length;
  const spike = current >= config.minInbound && current > usual * config.factor;
  return { usual, spike, factor: usual > 0 ? current / usual : null };
}

/** What a team lead watches: queues, oldest waiting, SLA, inbound against usual, agents, channels. */
export async function teamDashboard(
  db: Knex,
  input: { userId: string; spike: SpikeConfig; now?: Date },
): Promise<DashboardResponse> {
  const now = input.now ?? new Date();
  const [views, waiting, windows, agents, accounts] = await Promise.all([
    countViews(db, input.userId),
    waitingSummary(db),
    inboundWindows(db, now, RATE_WINDOW_MINUTES, USUAL_RATE_DAYS),
    agentLoads(db),
    listAccountHealth(db),
  ]);
  const spike = detectSpike(windows.current, windows.previous, input.spike);
  return {
    generatedAt: now.toISOString(),
    queues: {
      unassigned: views.unassigned,
      open: views.open,
      pending: views.pending,
      snoozed: views.snoozed,
      waiting: waiting.waiting,
    },
    oldestWaiting: waiting.oldest
      ? {
          conversationId: waiting.oldest.id,
          contactName: waiting.oldest.contactName,
          contactHandle: waiting.oldest.contactHandle,
          waitingSince: waiting.oldest.waitingSince.toISOString(),
        }
      : null,
    sla: { atRisk: waiting.atRisk, breached: waiting.breached },
    inbound: {
      windowMinutes: RATE_WINDOW_MINUTES,
      current: windows.current,
      usual: Math.round(spike.usual * 10) / 10,
      days: windows.previous.length,
      factor: spike.factor === null ? null : Math.round(spike.factor * 10) / 10,
      spike: spike.spike,
      threshold: input.spike.factor,
    },
    agents: agents.map((a) => ({
      id: a.id,
      name: a.name,
      initials: a.initials,
      role: a.role as DashboardResponse['agents'][number]['role'],
      online: a.online,
      tabs: a.tabs,
      availability: a.availability,
      capacity: a.capacity,
      viewingConversationId: a.viewing,
      assignedOpen: a.assigned_open,
      assignedWaiting: a.assigned_waiting,
      lastSeenAt: a.last_seen_at ? a.last_seen_at.toISOString() : null,
    })),
    channels: accounts.map((a) => {
      const lastSuccess = a.lastSuccessAt ? Date.parse(a.lastSuccessAt) : null;
      const lowest = a.rateLimits.reduce<{ remaining: number; limit: number } | null>(
        (low, r) =>
          r.limit > 0 && (low === null || r.remaining / r.limit < low.remaining / low.limit) ? r : low,
        null,
      );
      return {
        id: a.id,
        platform: a.platform,
        handle: a.handle,
        status: a.status,
        pollLagSeconds:
          lastSuccess === null ? null : Math.max(0, Math.round((now.getTime() - lastSuccess) / 1000)),
        lastError: a.lastError,
        rateRemaining: lowest ? { remaining: lowest.remaining, limit: lowest.limit } : null,
        readsLeft: a.budget.monthlyReads > 0 ? Math.max(0, a.budget.monthlyReads - a.budget.readsUsed) : null,
        gaps: a.gaps.length,
      };
    }),
  };
}

import type { Knex } from 'knex';
import { DateTime } from 'luxon';
import {
  listMetricRowsOf,
  loadMetricTimelines,
  type MetricRow,
  writeMetricRows,
} from '../../db/repositories/responseMetrics';
import type { CalendarProvider } from './businessCalendar';
import { computeMetricEvents } from './computeMetricEvents';
import { REPORT_TIME_ZONE } from './reportTimeZone';
import { teamCalendarProvider } from './teamCalendars';

export interface RefreshOptions {
  calendars?: CalendarProvider;
  timeZone?: string;
}

const same = (a: MetricRow, b: MetricRow) =>
  a.kind === b.kind &&
  a.episode === b.episode &&
  a.messageId === b.messageId &&
  a.agentId === b.agentId &&
  a.teamId === b.teamId &&
  a.channel === b.channel &&
  (a.startAt?.getTime() ?? null) === (b.startAt?.getTime() ?? null) &&
  a.at.getTime() === b.at.getTime() &&
  a.seconds === b.seconds &&
  a.businessSeconds === b.businessSeconds &&
  a.localDay === b.localDay &&
  a.localHour === b.localHour;

/**
 * Recomputes one conversation's metric events from its timeline and stores the difference, inside the
 * caller's transaction (which holds the conversation's row lock: reply sent, status changed, message
 * received). An event that already exists keeps its team: the team is the one the conversation had
 * when the event happened, not after a later transfer.
 */
export async function refreshConversationMetrics(
  trx: Knex.Transaction,
  conversationId: string,
  opts: RefreshOptions = {},
): Promise<void> {
  await refreshConversationsMetrics(trx, [conversationId], opts);
}

/** `refreshConversationMetrics` for many conversations with a few statements in all (a batch of ingests). */
export async function refreshConversationsMetrics(
  trx: Knex.Transaction,
  conversationIds: string[],
  opts: RefreshOptions = {},
): Promise<void> {
  const db = trx as unknown as Knex;
  const timelines = await loadMetricTimelines(db, conversationIds);
  if (timelines.size === 0) return;
  // The same team calendars as the SLA due times (business hours and holidays per team).
  const calendars = opts.calendars ?? (await teamCalendarProvider(db));
  const zone = opts.timeZone ?? REPORT_TIME_ZONE;
  const stored = await listMetricRowsOf(db, [...timelines.keys()]);
  const changes: Parameters<typeof writeMetricRows>[1] = [];
  for (const timeline of timelines.values()) {
    const existing = new Map((stored.get(timeline.conversation.id) ?? []).map((r) => [r.key, r]));
    const wanted: MetricRow[] = [];
    for (const e of computeMetricEvents(timeline.entries)) {
      const teamId = existing.has(e.key)
        ? (existing.get(e.key)?.teamId ?? null)
        : timeline.conversation.teamId;
      const local = DateTime.fromMillis(e.at, { zone });
      let seconds = 0;
      let businessSeconds: number | null = null;
      if (e.startAt !== null) {
        // A reply stamped before the message it answers (clock skew between platform and us) counts as 0.
        seconds = Math.max(0, e.at - e.startAt) / 1000;
        const calendar = await calendars(teamId);
        businessSeconds = calendar.businessMsBetween(new Date(e.startAt), new Date(e.at)) / 1000;
      }
      wanted.push({
        key: e.key,
        kind: e.kind,
        episode: e.episode,
        messageId: e.messageId,
        agentId: e.agentId,
        teamId,
        channel: e.channel,
        startAt: e.startAt === null ? null : new Date(e.startAt),
        at: new Date(e.at),
        seconds,
        businessSeconds,
        localDay: local.toISODate() ?? '',
        localHour: local.hour,
      });
    }
    const wantedKeys = new Set(wanted.map((r) => r.key));
    const insert = wanted.filter((r) => {
      const old = existing.get(r.key);
      return !old || !same(old, r);
    });
    const deleteKeys = [...existing.keys()].filter(
      (k) => !wantedKeys.has(k) || insert.some((r) => r.key === k),
    );
    if (deleteKeys.length > 0 || insert.length > 0) {
      changes.push({ conversation: timeline.conversation, deleteKeys, insert });
    }
  }
  await writeMetricRows(trx, changes);
}

import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { fetchPresence } from '../api/endpoints';
import { queryKeys } from '../api/queryKeys';
import { useNow } from '../components/useNow';
import type { PresenceReporter } from './presenceReporter';
import { type Colleague, colleaguesIn, type PresenceEntry } from './presenceState';

// The snapshot heals anything missed and drops tabs that vanished without a goodbye.
const SNAPSHOT_EVERY_MS = 30_000;
// Typing lapses within seconds; re-evaluate that often.
const PRESENCE_TICK_MS = 2_000;

/** Every tab the server knows, kept live by `presence.changed` events (see useRealtime). */
export function usePresenceEntries(): PresenceEntry[] {
  const query = useQuery({
    queryKey: queryKeys.presence(),
    queryFn: async () => {
      const { items } = await fetchPresence();
      const now = Date.now();
      return items.map((item): PresenceEntry => ({ ...item, seenAt: now }));
    },
    refetchInterval: SNAPSHOT_EVERY_MS,
    staleTime: SNAPSHOT_EVERY_MS,
  });
  return query.data ?? [];
}

/** Colleagues viewing (and typing in) one conversation, without me. */
export function useColleaguesIn(conversationId: string, myUserId: string): Colleague[] {
  const entries = usePresenceEntries();
  const now = useNow(PRESENCE_TICK_MS);
  return useMemo(
    () => colleaguesIn(entries, conversationId, myUserId, now),
    [entries, conversationId, myUserId, now],
  );
}

/** Colleagues per conversation for the whole list, computed once per change instead of once per row. */
export function useColleaguesByConversation(myUserId: string): Map<string, Colleague[]> {
  const entries = usePresenceEntries();
  const now = useNow(PRESENCE_TICK_MS);
  return useMemo(() => {
    const ids = new Set(entries.map((entry) => entry.conversationId).filter((id) => id !== null));
    const map = new Map<string, Colleague[]>();
    for (const id of ids) {
      const colleagues = colleaguesIn(entries, id, myUserId, now);
      if (colleagues.length > 0) map.set(id, colleagues);
    }
    return map;
  }, [entries, myUserId, now]);
}

/**
 * Tells colleagues which conversation this tab shows, for as long as it shows it. Takes the reporter
 * from useRealtime directly: the inbox that calls this is the one providing the realtime context.
 */
export function useReportViewing(reporter: PresenceReporter, conversationId: string | null): void {
  useEffect(() => {
    reporter.setConversation(conversationId);
  }, [reporter, conversationId]);
}

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Socket } from 'socket.io-client';
import { PRESENCE_REPORT, REALTIME_EVENT } from '../../../common/types';
import { queryKeys } from '../api/queryKeys';
import { createInvalidationBatcher } from './invalidationBatcher';
import { createPresenceReporter, type PresenceReporter } from './presenceReporter';
import { applyPresence, type PresenceEntry } from './presenceState';
import { affectsViewCounts, parseRealtimeEvent, queryKeysForEvent } from './realtimeEvent';
import { connectRealtime } from './socket';

export type RealtimeStatus = 'connecting' | 'live' | 'offline';

// After the server refuses a handshake socket.io stops retrying by itself; keep trying slowly.
const REFUSED_RETRY_MS = 5000;
const EVENT_BATCH_MS = 250;
// Counting every view is the most expensive query; during a burst of events once every 2 s is plenty.
const COUNTS_BATCH_MS = 2000;

/**
 * Keeps react-query in step with the server while mounted (mount it only when signed in: the session
 * cookie authenticates the socket). Each event invalidates the affected queries; every (re)connect
 * invalidates everything, because events sent while the socket was down (or before it first connected)
 * are lost and a refetch is the only way to heal.
 */
export function useRealtime(): { status: RealtimeStatus; reporter: PresenceReporter } {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<RealtimeStatus>('connecting');
  // One reporter for the tab's lifetime; it talks to whichever socket is current, and only while
  // connected (volatile): after a reconnect it resends the present state, never a backlog.
  const [link] = useState(() => {
    const current: { socket: Socket | null } = { socket: null };
    const reporter = createPresenceReporter((report) => {
      if (current.socket?.connected) current.socket.volatile.emit(PRESENCE_REPORT, report);
    });
    return { current, reporter };
  });
  useEffect(() => () => link.reporter.dispose(), [link]);

  useEffect(() => {
    const socket = connectRealtime();
    link.current.socket = socket;
    const batcher = createInvalidationBatcher(queryClient, EVENT_BATCH_MS);
    const countsBatcher = createInvalidationBatcher(queryClient, COUNTS_BATCH_MS);
    let retryTimer: ReturnType<typeof setTimeout> | undefined;

    socket.on('connect', () => {
      setStatus('live');
      link.reporter.resend();
      // The empty key matches every query: whatever was announced while we were away is refetched.
      batcher.add([[]]);
    });
    socket.on('disconnect', () => setStatus('offline'));
    socket.on('connect_error', () => {
      setStatus('offline');
      if (!socket.active) {
        clearTimeout(retryTimer);
        retryTimer = setTimeout(() => socket.connect(), REFUSED_RETRY_MS);
      }
    });
    socket.on(REALTIME_EVENT, (payload: unknown) => {
      const event = parseRealtimeEvent(payload);
      if (event === null) return;
      if (event.type === 'presence.changed') {
        queryClient.setQueryData<PresenceEntry[]>(queryKeys.presence(), (entries) =>
          applyPresence(entries ?? [], event.presence, Date.now()),
        );
        return;
      }
      batcher.add(queryKeysForEvent(event));
      if (affectsViewCounts(event)) countsBatcher.add([queryKeys.viewCounts()]);
    });

    return () => {
      clearTimeout(retryTimer);
      batcher.dispose();
      countsBatcher.dispose();
      socket.removeAllListeners();
      socket.disconnect();
      link.current.socket = null;
    };
  }, [queryClient, link]);

  return { status, reporter: link.reporter };
}

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { REALTIME_EVENT } from '../../../common/types';
import { queryKeys } from '../api/queryKeys';
import { createInvalidationBatcher } from './invalidationBatcher';
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
export function useRealtime(): RealtimeStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<RealtimeStatus>('connecting');

  useEffect(() => {
    const socket = connectRealtime();
    const batcher = createInvalidationBatcher(queryClient, EVENT_BATCH_MS);
    const countsBatcher = createInvalidationBatcher(queryClient, COUNTS_BATCH_MS);
    let retryTimer: ReturnType<typeof setTimeout> | undefined;

    socket.on('connect', () => {
      setStatus('live');
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
      batcher.add(queryKeysForEvent(event));
      if (affectsViewCounts(event)) countsBatcher.add([queryKeys.viewCounts()]);
    });

    return () => {
      clearTimeout(retryTimer);
      batcher.dispose();
      countsBatcher.dispose();
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [queryClient]);

  return status;
}

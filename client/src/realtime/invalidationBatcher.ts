import type { QueryKey } from '@tanstack/react-query';

/** The part of QueryClient the batcher needs, so tests can pass a fake. */
export interface InvalidatingClient {
  isFetching(filters: { queryKey: QueryKey }): number;
  invalidateQueries(filters: { queryKey: QueryKey }): Promise<void>;
}

export interface InvalidationBatcher {
  add(keys: ReadonlyArray<QueryKey>): void;
  dispose(): void;
}

/**
 * Coalesces invalidations from bursts of realtime events. Invalidating on every event would cancel and
 * restart the same list request over and over during a burst, so none would ever finish. Instead keys
 * are collected for `delayMs`; a key whose query is still fetching waits for the next round, so each
 * event is always followed by a request that started after it (an older in-flight answer may predate it).
 */
export function createInvalidationBatcher(client: InvalidatingClient, delayMs: number): InvalidationBatcher {
  const pending = new Map<string, QueryKey>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = () => {
    if (timer === undefined && pending.size > 0) timer = setTimeout(flush, delayMs);
  };

  const flush = () => {
    timer = undefined;
    for (const [id, queryKey] of pending) {
      if (client.isFetching({ queryKey }) > 0) continue;
      pending.delete(id);
      void client.invalidateQueries({ queryKey });
    }
    schedule();
  };

  return {
    add(keys) {
      for (const queryKey of keys) pending.set(JSON.stringify(queryKey), queryKey);
      schedule();
    },
    dispose() {
      clearTimeout(timer);
      timer = undefined;
      pending.clear();
    },
  };
}

import type { QueryKey } from '@tanstack/react-query';
import { createInvalidationBatcher, type InvalidatingClient } from './invalidationBatcher';

function fakeClient(fetching: Set<string>) {
  const invalidated: QueryKey[] = [];
  const client: InvalidatingClient = {
    isFetching: ({ queryKey }) => (fetching.has(JSON.stringify(queryKey)) ? 1 : 0),
    invalidateQueries: async ({ queryKey }) => {
      invalidated.push(queryKey);
    },
  };
  return { client, invalidated };
}

describe('createInvalidationBatcher', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('collapses a burst of events into one invalidation per key', () => {
    const { client, invalidated } = fakeClient(new Set());
    const batcher = createInvalidationBatcher(client, 100);
    for (let i = 0; i < 20; i++)
      batcher.add([
        ['conversations', 'list'],
        ['conversations', 'detail', 'c1'],
      ]);
    expect(invalidated).toHaveLength(0);
    jest.advanceTimersByTime(100);
    expect(invalidated).toEqual([
      ['conversations', 'list'],
      ['conversations', 'detail', 'c1'],
    ]);
  });

  it('waits for an in-flight request instead of cancelling it, then refetches', () => {
    const fetching = new Set([JSON.stringify(['conversations', 'list'])]);
    const { client, invalidated } = fakeClient(fetching);
    const batcher = createInvalidationBatcher(client, 100);
    batcher.add([['conversations', 'list']]);
    jest.advanceTimersByTime(300);
    expect(invalidated).toHaveLength(0);
    fetching.clear();
    jest.advanceTimersByTime(100);
    expect(invalidated).toEqual([['conversations', 'list']]);
  });

  it('does nothing after dispose', () => {
    const { client, invalidated } = fakeClient(new Set());
    const batcher = createInvalidationBatcher(client, 100);
    batcher.add([['me']]);
    batcher.dispose();
    jest.advanceTimersByTime(1000);
    expect(invalidated).toHaveLength(0);
  });
});

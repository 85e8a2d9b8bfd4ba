import type { EligibleAgent } from '../db/repositories/assignment';
import { pickAgent } from './autoAssign';

const agent = (id: string, load: number, capacity = 3): EligibleAgent => ({ id, name: id, load, capacity });

describe('pickAgent', () => {
  it('round robin takes the next agent after the last one, wrapping around, skipping full ones', () => {
    const agents = [agent('a', 0), agent('b', 0), agent('c', 0)];
    expect(pickAgent('round_robin', agents, null)?.id).toBe('a');
    expect(pickAgent('round_robin', agents, 'a')?.id).toBe('b');
    expect(pickAgent('round_robin', agents, 'c')?.id).toBe('a');
    expect(pickAgent('round_robin', [agent('a', 0), agent('b', 3), agent('c', 0)], 'a')?.id).toBe('c');
    // The last one may have left the team: continue after where they were.
    expect(pickAgent('round_robin', [agent('a', 0), agent('c', 0)], 'b')?.id).toBe('c');
  });

  it('least loaded takes the fewest open conversations; equal loads take turns', () => {
    expect(pickAgent('least_loaded', [agent('a', 2), agent('b', 1), agent('c', 2)], null)?.id).toBe('b');
    expect(pickAgent('least_loaded', [agent('a', 1), agent('b', 1)], 'a')?.id).toBe('b');
    expect(pickAgent('least_loaded', [agent('a', 1), agent('b', 1)], 'b')?.id).toBe('a');
    expect(pickAgent('least_loaded', [agent('a', 0, 0), agent('b', 2)], null)?.id).toBe('b');
  });

  it('gives nobody a conversation when everyone is at capacity', () => {
    expect(pickAgent('least_loaded', [agent('a', 3), agent('b', 5, 5)], null)).toBeNull();
    expect(pickAgent('round_robin', [agent('a', 0, 0)], null)).toBeNull();
    expect(pickAgent('round_robin', [], null)).toBeNull();
  });
});

import { makeMessage } from './testFixtures';
import { contextPostStarts } from './threadContext';

const post = (externalId: string) => ({ externalId, text: `Post ${externalId}`, url: null });

describe('contextPostStarts', () => {
  it('shows a post once above the comments written under it, across our replies in between', () => {
    const messages = [
      makeMessage({ id: 'a', contextPost: post('p1') }),
      makeMessage({ id: 'b', direction: 'outbound', contextPost: null }),
      makeMessage({ id: 'c', contextPost: post('p1') }),
    ];
    expect([...contextPostStarts(messages)]).toEqual(['a']);
  });

  it('shows the new post where a thread moves to another one, and nothing without posts', () => {
    const messages = [
      makeMessage({ id: 'a', contextPost: post('p1') }),
      makeMessage({ id: 'b', contextPost: post('p2') }),
      makeMessage({ id: 'c', contextPost: post('p1') }),
    ];
    expect([...contextPostStarts(messages)]).toEqual(['a', 'b', 'c']);
    expect(contextPostStarts([makeMessage()]).size).toBe(0);
  });
});

import { flattenConversationPages } from './conversationPages';
import { makeSummary } from './testFixtures';

describe('flattenConversationPages', () => {
  it('returns an empty list before the first page arrives', () => {
    expect(flattenConversationPages(undefined)).toEqual([]);
  });

  it('keeps page order and drops a conversation repeated on a later page', () => {
    const a = makeSummary({ id: 'a' });
    const b = makeSummary({ id: 'b' });
    const c = makeSummary({ id: 'c' });
    const pages = [
      { items: [a, b], nextCursor: 'x' },
      { items: [b, c], nextCursor: null },
    ];
    expect(flattenConversationPages(pages).map((item) => item.id)).toEqual(['a', 'b', 'c']);
  });
});

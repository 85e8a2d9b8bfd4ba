import type { ConversationSearchHit, CustomerSearchHit, SearchResponse } from '../../../../common/types';
import { renderStatic } from '../../testing/renderStatic';
import { makeSummary } from '../inbox/testFixtures';
import { SearchResults, type SearchResultsProps } from './SearchResults';

function hit(overrides: Partial<ConversationSearchHit> = {}): ConversationSearchHit {
  return {
    conversation: makeSummary({ id: 'conv-1', status: 'pending' }),
    message: {
      id: 'm1',
      direction: 'inbound',
      channel: 'dm',
      authorName: 'Jane Doe',
      createdAt: '2026-01-07T11:00:00Z',
    },
    snippet: { text: 'Meine Rechnung ist falsch', highlights: [{ start: 6, end: 14 }] },
    ...overrides,
  };
}

const customer: CustomerSearchHit = {
  contact: {
    id: 'p2',
    platformUserId: '7',
    handle: 'max_m',
    name: 'Max Müller',
    avatarUrl: null,
    followersCount: null,
    verified: false,
  },
  platform: 'x',
  conversationCount: 3,
  latestConversation: { id: 'conv-9', status: 'open', updatedAt: '2026-01-07T10:00:00Z' },
};

function render(
  page: Partial<SearchResponse>,
  language: 'en' | 'de' = 'en',
  props: Partial<SearchResultsProps> = {},
) {
  const response: SearchResponse = {
    query: 'Rechnung',
    conversations: [],
    customers: [],
    nextCursor: null,
    ...page,
  };
  return renderStatic(
    <SearchResults
      query="Rechnung"
      pages={[response]}
      status="success"
      error={null}
      hasNextPage={false}
      isFetchingNextPage={false}
      onLoadMore={() => undefined}
      onRetry={() => undefined}
      selectedId={null}
      now={Date.parse('2026-01-07T12:00:00Z')}
      onOpen={() => undefined}
      onClose={() => undefined}
      {...props}
    />,
    language,
  );
}

describe('SearchResults', () => {
  it('shows a conversation hit with the matched word marked, its channel, direction and status', () => {
    const html = render({ conversations: [hit()] });
    expect(html).toMatch(/data-testid="search-result"[^>]*data-conversation-id="conv-1"/);
    expect(html).toContain('Meine <mark class="search-hit__mark">Rechnung</mark> ist falsch');
    expect(html).toMatch(/data-testid="search-channel"[^>]*>Direct message · Customer message</);
    expect(html).toContain('>Pending<');
    expect(html).toContain('Jane Doe');
    expect(html).toContain('Results for “Rechnung”');
  });

  it('shows matching customers first, with how many conversations they have', () => {
    const html = render({ customers: [customer], conversations: [hit()] });
    expect(html.indexOf('search-customer')).toBeLessThan(html.indexOf('search-result"'));
    expect(html).toMatch(/data-testid="search-customer"[^>]*data-conversation-id="conv-9"/);
    expect(html).toContain('Max Müller');
    expect(html).toContain('@max_m');
    expect(html).toContain('3 conversations');
  });

  it('renders markup in a message as text, never as HTML', () => {
    const text = '<img src=x onerror=alert(1)> <b>Rechnung</b>';
    const html = render({
      conversations: [hit({ snippet: { text, highlights: [{ start: 32, end: 40 }] } })],
    });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &lt;b&gt;<mark');
    expect(html).toContain('>Rechnung</mark>&lt;/b&gt;');
  });

  it('says so when nothing matched, in German too', () => {
    expect(render({})).toMatch(/data-testid="search-empty"[^>]*>Nothing found for “Rechnung”/);
    const de = render({ conversations: [hit()] }, 'de');
    expect(de).toContain('Ergebnisse für „Rechnung“');
    expect(de).toContain('Direktnachricht · Kundennachricht');
    expect(de).toContain('Zurück zur Liste (Esc)');
  });

  it('offers more results only when the server has another page', () => {
    expect(render({ conversations: [hit()] })).not.toContain('More results');
    expect(render({ conversations: [hit()] }, 'en', { hasNextPage: true })).toContain('More results');
  });

  it('shows progress while the first page loads and nothing else', () => {
    const html = render({}, 'en', { status: 'pending', pages: undefined });
    expect(html).toContain('Searching…');
    expect(html).not.toContain('search-empty');
  });
});

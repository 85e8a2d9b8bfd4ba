import { filterConversations } from './listFilter';
import { makeSummary } from './testFixtures';

const jane = makeSummary({ id: 'c1' });
const jurgen = makeSummary({
  id: 'c2',
  contact: { ...jane.contact, name: 'Jürgen Müller', handle: 'jmueller' },
  snippet: 'Rechnung fehlt',
});

describe('filterConversations', () => {
  it('keeps everything for an empty search', () => {
    expect(filterConversations([jane, jurgen], '  ')).toEqual([jane, jurgen]);
  });

  it('finds by name, handle (with or without @) or snippet, ignoring case and accents', () => {
    expect(filterConversations([jane, jurgen], 'muller').map((c) => c.id)).toEqual(['c2']);
    expect(filterConversations([jane, jurgen], '@JANE').map((c) => c.id)).toEqual(['c1']);
    expect(filterConversations([jane, jurgen], 'jmueller').map((c) => c.id)).toEqual(['c2']);
    expect(filterConversations([jane, jurgen], 'order').map((c) => c.id)).toEqual(['c1']);
  });

  it('requires every word typed', () => {
    expect(filterConversations([jane, jurgen], 'jane rechnung')).toEqual([]);
    expect(filterConversations([jane, jurgen], 'jürgen rechnung').map((c) => c.id)).toEqual(['c2']);
  });
});

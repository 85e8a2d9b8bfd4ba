import { parseStreamKey } from './streamKey';

describe('parseStreamKey', () => {
  it('names the known streams', () => {
    expect(parseStreamKey('mentions')).toEqual({ kind: 'mentions' });
    expect(parseStreamKey('own')).toEqual({ kind: 'own' });
    expect(parseStreamKey('dms')).toEqual({ kind: 'dms' });
  });

  it('keeps the whole query of a search stream, colons included', () => {
    expect(parseStreamKey('search:acme lang:de')).toEqual({ kind: 'search', query: 'acme lang:de' });
  });

  it('falls back to the raw key for streams it does not know', () => {
    expect(parseStreamKey('likes')).toEqual({ kind: 'other', key: 'likes' });
  });
});

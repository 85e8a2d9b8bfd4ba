import type { UserDto } from '../../../../common/types';
import { applyMention, matchColleagues, mentionAt } from './mentions';

const user = (id: string, name: string, initials: string): UserDto => ({
  id,
  name,
  initials,
  email: `${id}@example.com`,
  role: 'agent',
  locale: 'en',
  timeZone: 'Europe/Berlin',
});
const anna = user('u1', 'Anna Berger', 'AB');
const ben = user('u2', 'Ben Özdemir', 'BÖ');
const me = user('u3', 'Carla Diaz', 'CD');

describe('mentionAt', () => {
  it('finds the mention being typed at the caret', () => {
    expect(mentionAt('Ask @an', 7)).toEqual({ start: 4, query: 'an' });
    expect(mentionAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionAt('Ask @Anna B', 11)).toEqual({ start: 4, query: 'Anna B' });
  });

  it('ignores e-mail addresses, finished lines and text before the @', () => {
    expect(mentionAt('mail anna@example.com', 21)).toBeNull();
    expect(mentionAt('@anna\nthanks', 12)).toBeNull();
    expect(mentionAt('Ask @an', 3)).toBeNull();
    expect(mentionAt('@ anna', 6)).toBeNull();
  });
});

describe('matchColleagues', () => {
  it('matches the start of the name, of any word of it, or the initials, without accents', () => {
    expect(matchColleagues([anna, ben, me], 'ber', 'u3')).toEqual([anna]);
    expect(matchColleagues([anna, ben, me], 'ozd', 'u3')).toEqual([ben]);
    expect(matchColleagues([anna, ben, me], 'ab', 'u3')).toEqual([anna]);
  });

  it('offers every colleague but the author for a bare @', () => {
    expect(matchColleagues([anna, ben, me], '', 'u3')).toEqual([anna, ben]);
  });
});

describe('applyMention', () => {
  it('replaces what was typed with the full name and a space, caret after it', () => {
    const text = 'Ask @an about it';
    expect(applyMention(text, { start: 4, query: 'an' }, 7, anna)).toEqual({
      text: 'Ask @Anna Berger about it',
      caret: 17,
    });
    expect(applyMention('@b', { start: 0, query: 'b' }, 2, ben)).toEqual({
      text: '@Ben Özdemir ',
      caret: 13,
    });
  });
});

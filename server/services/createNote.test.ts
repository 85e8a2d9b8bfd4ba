import { findMentions } from './createNote';

const users = [
  { id: 'u1', name: 'Anna Berger', initials: 'AB' },
  { id: 'u2', name: 'Ben Okafor', initials: 'BO' },
  { id: 'u3', name: 'Bea Lindner', initials: 'BL' },
];

describe('findMentions', () => {
  it('finds colleagues by @initials, @first name or @full name, case-insensitively', () => {
    expect(findMentions('Bitte prüfen @bo', users)).toEqual(['u2']);
    expect(findMentions('@Anna kannst du?', users)).toEqual(['u1']);
    expect(findMentions('cc @Bea Lindner und @AB', users)).toEqual(['u1', 'u3']);
  });
  it('does not match a longer word or an e-mail address', () => {
    expect(findMentions('@Bob ist nicht gemeint', users)).toEqual([]);
    expect(findMentions('mail an bo@example.com', users)).toEqual([]);
  });
});

import { profileUrlFor } from './profileUrl';

describe('profileUrlFor', () => {
  it('links an X customer to x.com/<handle>', () => {
    expect(profileUrlFor('x', 'kunde_kim')).toBe('https://x.com/kunde_kim');
  });
  it('gives no link for a handle X would not accept, or for Facebook', () => {
    expect(profileUrlFor('x', '')).toBeNull();
    expect(profileUrlFor('x', 'a/../../evil')).toBeNull();
    expect(profileUrlFor('facebook', 'Kim Kunde')).toBeNull();
  });
});

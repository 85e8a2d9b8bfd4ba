import { pickLanguage } from './language';

describe('pickLanguage', () => {
  it('prefers the stored choice', () => {
    expect(pickLanguage('de', ['en-US'])).toBe('de');
  });

  it('falls back to the first supported browser language by primary subtag', () => {
    expect(pickLanguage(null, ['fr-FR', 'de-AT', 'en'])).toBe('de');
  });

  it('ignores a stored value it does not support and defaults to English', () => {
    expect(pickLanguage('xx', ['fr', 'es'])).toBe('en');
  });
});

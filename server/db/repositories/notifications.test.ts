import { excerptOf } from './notifications';

describe('excerptOf', () => {
  it('keeps a short note whole, on one line', () => {
    expect(excerptOf('Bitte prüfen\n  @BO, danke')).toBe('Bitte prüfen @BO, danke');
  });
  it('cuts a long note at a word and marks the cut', () => {
    const text = `${'wort '.repeat(40)}ende`;
    const excerpt = excerptOf(text, 30);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(31);
    expect(excerpt).not.toMatch(/\s…$/);
    expect(text.startsWith(excerpt.slice(0, -1))).toBe(true);
  });
});

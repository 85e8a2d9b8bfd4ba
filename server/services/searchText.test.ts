import { bestHeadline, handlePrefixPattern, parseHeadline, prefixTerm } from './searchText';

describe('prefixTerm', () => {
  it('matches the word still being typed as a prefix', () => {
    expect(prefixTerm('Rechn')).toBe('Rechn');
    expect(prefixTerm('Ärger mit der Rechn')).toBe('Rechn');
    expect(prefixTerm('@kbd_kim')).toBe('kim');
  });

  it('leaves complete, negated, quoted, alternative and short words alone', () => {
    expect(prefixTerm('Rechnung ')).toBeNull();
    expect(prefixTerm('router -storno')).toBeNull();
    expect(prefixTerm('"kein internet"')).toBeNull();
    expect(prefixTerm('"kein inter')).toBeNull();
    expect(prefixTerm('rechnung or mahn')).toBeNull();
    expect(prefixTerm('ab')).toBeNull();
    expect(prefixTerm('')).toBeNull();
  });
});

describe('handlePrefixPattern', () => {
  it('escapes LIKE wildcards so an underscore in a handle is literal', () => {
    expect(handlePrefixPattern('@Kbd_Kim')).toBe('kbd\\_kim%');
    expect(handlePrefixPattern('anna.m')).toBe('anna.m%');
  });

  it('is null for text that cannot be a handle', () => {
    expect(handlePrefixPattern('kein internet')).toBeNull();
    expect(handlePrefixPattern('100%')).toBeNull();
    expect(handlePrefixPattern('@')).toBeNull();
  });
});

describe('parseHeadline', () => {
  it('returns plain text with the offsets of the marked words, markup in the text untouched', () => {
    const result = parseHeadline('<b>Hi</b> my \u0002invoice\u0003 is \u0002wrong\u0003');
    expect(result.text).toBe('<b>Hi</b> my invoice is wrong');
    expect(result.highlights).toEqual([
      { start: 13, end: 20 },
      { start: 24, end: 29 },
    ]);
    for (const h of result.highlights) expect(result.text.slice(h.start, h.end)).toMatch(/invoice|wrong/);
  });

  it("restores the '<' and '&' swapped out for ts_headline", () => {
    expect(parseHeadline('\uE000b> \u0002Rechnung\u0003 \uE001amp;').text).toBe('<b> Rechnung &amp;');
  });

  it('counts offsets in UTF-16 units, as the browser slices strings', () => {
    const result = parseHeadline('😡 \u0002Rechnung\u0003');
    expect(result.text.slice(result.highlights[0]!.start, result.highlights[0]!.end)).toBe('Rechnung');
  });
});

describe('bestHeadline', () => {
  it('takes the configuration that found more words', () => {
    const de = 'I was billed twice';
    const en = 'I was \u0002billed\u0003 twice';
    expect(bestHeadline(de, en).highlights).toHaveLength(1);
    expect(bestHeadline(en, de).highlights).toHaveLength(1);
  });
});

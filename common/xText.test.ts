import { signReply, X_MAX_WEIGHTED_LENGTH, xLengthInfo, xWeightedLength } from './xText';

describe('xWeightedLength', () => {
  it('counts plain ASCII text one per character', () => {
    expect(xWeightedLength('Hello there')).toBe(11);
  });

  it('counts any URL as 23 characters, however long it is', () => {
    const url = 'https://example.com/a/very/long/path/that/is/much/longer/than/twenty-three?x=1';
    expect(xWeightedLength(url)).toBe(23);
    expect(xWeightedLength(`See ${url}`)).toBe(4 + 23);
  });

  it('counts an emoji as 2, including multi-codepoint ones', () => {
    expect(xWeightedLength('👍')).toBe(2);
    expect(xWeightedLength('👩‍💻')).toBe(2);
    expect(xWeightedLength('ok 👍')).toBe(5);
  });

  it('counts CJK characters as 2', () => {
    expect(xWeightedLength('日本')).toBe(4);
  });
});

describe('signReply', () => {
  it('appends a single space, caret and the initials', () => {
    expect(signReply('Thanks for waiting!', 'AB')).toBe('Thanks for waiting! ^AB');
  });

  it('drops trailing whitespace before the signature but keeps leading text intact', () => {
    expect(signReply('Hi there  \n', 'AB')).toBe('Hi there ^AB');
  });

  it('is included in the counted length', () => {
    expect(xWeightedLength(signReply('Hello', 'AB'))).toBe(5 + 4);
  });
});

describe('xLengthInfo', () => {
  it('is valid at exactly 280 weighted characters', () => {
    const info = xLengthInfo('a'.repeat(X_MAX_WEIGHTED_LENGTH));
    expect(info).toEqual({ weightedLength: 280, remaining: 0, valid: true });
  });

  it('is invalid at 281 and reports a negative remainder', () => {
    const info = xLengthInfo('a'.repeat(X_MAX_WEIGHTED_LENGTH + 1));
    expect(info).toEqual({ weightedLength: 281, remaining: -1, valid: false });
  });

  it('counts the signature towards the limit', () => {
    const text = 'a'.repeat(X_MAX_WEIGHTED_LENGTH - 4);
    expect(xLengthInfo(signReply(text, 'AB')).valid).toBe(true);
    expect(xLengthInfo(signReply(`${text}a`, 'AB')).valid).toBe(false);
  });

  it('treats empty and blank text as invalid', () => {
    expect(xLengthInfo('')).toEqual({ weightedLength: 0, remaining: 280, valid: false });
    expect(xLengthInfo('   ').valid).toBe(false);
  });
});

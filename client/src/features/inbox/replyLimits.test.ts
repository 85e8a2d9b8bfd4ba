import { signReply } from '../../../../common/xText';
import { isNearLimit, optionLength, replyLength } from './replyLimits';

describe('replyLength', () => {
  it('counts X replies with the weighted length of the signed text', () => {
    const info = replyLength('x', signReply('Hi 👋', 'AB'));
    expect(info).toEqual({ length: 9, max: 280, remaining: 271, valid: true });
  });

  it('rejects an X reply pushed over 280 by the signature', () => {
    const info = replyLength('x', signReply('a'.repeat(277), 'AB'));
    expect(info.length).toBe(281);
    expect(info.valid).toBe(false);
  });

  it('allows long Facebook replies', () => {
    const info = replyLength('facebook', signReply('a'.repeat(1000), 'AB'));
    expect(info.valid).toBe(true);
    expect(info.max).toBe(8000);
  });

  it('allows 10,000 characters in an X direct message, counted without weighting', () => {
    const info = replyLength('x', signReply('👋'.repeat(500), 'AB'), 'dm');
    expect(info).toEqual({ length: 504, max: 10_000, remaining: 9496, valid: true });
    expect(replyLength('x', signReply('a'.repeat(9996), 'AB'), 'dm').valid).toBe(true);
    expect(replyLength('x', signReply('a'.repeat(9997), 'AB'), 'dm').valid).toBe(false);
  });

  it('uses the Messenger limit for Facebook direct messages', () => {
    expect(replyLength('facebook', 'a'.repeat(2001), 'dm')).toMatchObject({ max: 2000, valid: false });
  });

  it('refuses a blank direct message', () => {
    expect(replyLength('x', '   ', 'dm').valid).toBe(false);
  });
});

describe('isNearLimit', () => {
  it('flags the last 20 characters', () => {
    expect(isNearLimit({ length: 260, max: 280, remaining: 20, valid: true })).toBe(true);
    expect(isNearLimit({ length: 259, max: 280, remaining: 21, valid: true })).toBe(false);
  });
});

describe('optionLength', () => {
  it('uses X’s weighted count when the option says so', () => {
    expect(optionLength({ maxLength: 280, weighted: true }, signReply('Hi 👋', 'AB'))).toEqual({
      length: 9,
      max: 280,
      remaining: 271,
      valid: true,
    });
    expect(optionLength({ maxLength: 280, weighted: true }, signReply('a'.repeat(277), 'AB')).valid).toBe(
      false,
    );
  });

  it('counts code points against the option’s own limit otherwise', () => {
    const rule = { maxLength: 2000, weighted: false };
    expect(optionLength(rule, '👋'.repeat(2000))).toMatchObject({ length: 2000, valid: true });
    expect(optionLength(rule, '👋'.repeat(2001))).toMatchObject({ remaining: -1, valid: false });
  });

  it('honours a weighted limit other than 280', () => {
    expect(optionLength({ maxLength: 500, weighted: true }, 'a'.repeat(400)).valid).toBe(true);
    expect(optionLength({ maxLength: 100, weighted: true }, 'a'.repeat(101)).valid).toBe(false);
  });
});

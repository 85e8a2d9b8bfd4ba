import { signReply } from '../../../../common/xText';
import { isNearLimit, replyLength } from './replyLimits';

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
});

describe('isNearLimit', () => {
  it('flags the last 20 characters', () => {
    expect(isNearLimit({ length: 260, max: 280, remaining: 20, valid: true })).toBe(true);
    expect(isNearLimit({ length: 259, max: 280, remaining: 21, valid: true })).toBe(false);
  });
});

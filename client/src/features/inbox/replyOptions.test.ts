import { currentReplyKind, replyOptionsOf, replyWindowState } from './replyOptions';
import { makeOption } from './testFixtures';

const NOW = Date.parse('2026-01-02T10:00:00Z');

describe('replyOptionsOf', () => {
  it('orders the server’s options public, DM, private reply and keeps one per kind', () => {
    const options = replyOptionsOf({
      platform: 'facebook',
      replyOptions: [
        makeOption('private_reply'),
        makeOption('public'),
        makeOption('public', { allowed: false }),
      ],
    });
    expect(options.map((option) => [option.kind, option.allowed])).toEqual([
      ['public', true],
      ['private_reply', true],
    ]);
  });

  it('offers nothing when the server offers nothing', () => {
    expect(replyOptionsOf({ platform: 'facebook', replyOptions: [] })).toEqual([]);
  });

  it('falls back to public reply and DM with the platform’s limits for a server without options', () => {
    const options = replyOptionsOf({ platform: 'x', replyOptions: undefined as never });
    expect(options).toEqual([makeOption('public'), makeOption('dm', { maxLength: 10_000, weighted: false })]);
  });
});

describe('replyWindowState', () => {
  it('counts down to the deadline of an allowed option', () => {
    const state = replyWindowState({ allowed: true, until: '2026-01-03T07:13:00Z' }, NOW);
    expect(state).toEqual({ allowed: true, remainingMs: (21 * 60 + 13) * 60_000, expired: false });
  });

  it('closes an option whose deadline passed since it was fetched', () => {
    expect(replyWindowState({ allowed: true, until: '2026-01-02T09:59:59Z' }, NOW)).toEqual({
      allowed: false,
      remainingMs: null,
      expired: true,
    });
  });

  it('follows the server without a deadline, and ignores a broken one', () => {
    expect(replyWindowState({ allowed: false, until: null }, NOW).allowed).toBe(false);
    expect(replyWindowState({ allowed: true, until: 'soon' }, NOW)).toEqual({
      allowed: true,
      remainingMs: null,
      expired: false,
    });
  });
});

describe('currentReplyKind', () => {
  const options = [makeOption('public'), makeOption('private_reply')];

  it('keeps the agent’s pick while it is offered', () => {
    expect(currentReplyKind('private_reply', 'public', options)).toBe('private_reply');
  });

  it('falls back to the default, then to the first option, then to nothing', () => {
    expect(currentReplyKind('dm', 'public', options)).toBe('public');
    expect(currentReplyKind(null, 'dm', options)).toBe('public');
    expect(currentReplyKind('public', 'public', [])).toBeNull();
  });
});

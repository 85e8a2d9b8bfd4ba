import { defaultReplyChannel, defaultReplyKind } from './replyChannel';
import { makeMessage, makeOption } from './testFixtures';

describe('defaultReplyChannel', () => {
  it('answers a direct message with a direct message', () => {
    const messages = [makeMessage({ id: 'a' }), makeMessage({ id: 'b', channel: 'dm' })];
    expect(defaultReplyChannel(messages)).toBe('dm');
  });

  it('looks at the latest customer message, not at our own replies or notes', () => {
    const messages = [
      makeMessage({ id: 'a', channel: 'dm' }),
      makeMessage({ id: 'b', direction: 'outbound', channel: 'public' }),
      makeMessage({ id: 'c', direction: 'note', channel: 'public' }),
    ];
    expect(defaultReplyChannel(messages)).toBe('dm');
  });

  it('replies publicly to a public post and when there is no customer message', () => {
    expect(defaultReplyChannel([makeMessage({ channel: 'dm' }), makeMessage({ id: 'b' })])).toBe('public');
    expect(defaultReplyChannel([])).toBe('public');
    expect(defaultReplyChannel([makeMessage({ direction: 'outbound', channel: 'dm' })])).toBe('public');
  });
});

describe('defaultReplyKind', () => {
  const dmLast = [makeMessage({ id: 'a' }), makeMessage({ id: 'b', channel: 'dm' })];
  const publicLast = [makeMessage({ id: 'a' })];

  it('keeps the DM rule when a DM is allowed', () => {
    expect(defaultReplyKind(dmLast, [makeOption('public'), makeOption('dm')])).toBe('dm');
    expect(defaultReplyKind(publicLast, [makeOption('public'), makeOption('dm')])).toBe('public');
  });

  it('falls back to the first allowed kind when the preferred one is closed or missing', () => {
    expect(defaultReplyKind(dmLast, [makeOption('public'), makeOption('dm', { allowed: false })])).toBe(
      'public',
    );
    expect(defaultReplyKind(publicLast, [makeOption('dm')])).toBe('dm');
    expect(
      defaultReplyKind(publicLast, [makeOption('public', { allowed: false }), makeOption('private_reply')]),
    ).toBe('private_reply');
  });

  it('shows the preferred kind, or the first, when nothing is allowed, and nothing without options', () => {
    expect(
      defaultReplyKind(dmLast, [
        makeOption('public', { allowed: false }),
        makeOption('dm', { allowed: false }),
      ]),
    ).toBe('dm');
    expect(defaultReplyKind(dmLast, [makeOption('private_reply', { allowed: false })])).toBe('private_reply');
    expect(defaultReplyKind(dmLast, [])).toBeNull();
  });
});

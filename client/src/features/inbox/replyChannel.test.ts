import { defaultReplyChannel } from './replyChannel';
import { makeMessage } from './testFixtures';

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

import { isModeratable, mayModerate, moderationActions } from './moderation';
import { makeMessage } from './testFixtures';

describe('isModeratable', () => {
  it('allows moderating a customer’s public comment on Facebook', () => {
    expect(isModeratable(makeMessage(), 'facebook')).toBe(true);
  });

  it('refuses our own replies, notes, direct messages and anything on X', () => {
    expect(isModeratable(makeMessage({ direction: 'outbound' }), 'facebook')).toBe(false);
    expect(isModeratable(makeMessage({ direction: 'note' }), 'facebook')).toBe(false);
    expect(isModeratable(makeMessage({ channel: 'dm' }), 'facebook')).toBe(false);
    expect(isModeratable(makeMessage(), 'x')).toBe(false);
  });
});

describe('mayModerate', () => {
  it('lets agents, leads and admins moderate, but not community guides', () => {
    expect(mayModerate('agent')).toBe(true);
    expect(mayModerate('lead')).toBe(true);
    expect(mayModerate('admin')).toBe(true);
    expect(mayModerate('guide')).toBe(false);
  });
});

describe('moderationActions', () => {
  it('offers hide for a visible comment and unhide for a hidden one, each with delete', () => {
    expect(moderationActions(makeMessage())).toEqual(['hide', 'delete']);
    expect(moderationActions(makeMessage({ moderation: { hidden: true, deleted: false } }))).toEqual([
      'unhide',
      'delete',
    ]);
  });

  it('offers nothing for a deleted comment', () => {
    expect(moderationActions(makeMessage({ moderation: { hidden: true, deleted: true } }))).toEqual([]);
  });
});

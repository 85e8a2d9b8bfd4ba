import type { PresenceDto } from '../../../common/types';
import { applyPresence, colleaguesIn, PRESENCE_TTL_MS, TYPING_TTL_MS } from './presenceState';

const tab = (over: Partial<PresenceDto>): PresenceDto => ({
  tabId: 't1',
  userId: 'ben',
  name: 'Ben Okafor',
  initials: 'BO',
  conversationId: 'c1',
  typing: false,
  online: true,
  updatedAt: '2026-11-21T10:00:00.000Z',
  ...over,
});

describe('presence state', () => {
  it('replaces a tab on each announcement and drops it when it closes', () => {
    let entries = applyPresence([], tab({}), 0);
    entries = applyPresence(entries, tab({ conversationId: 'c2' }), 1);
    expect(entries.map((e) => e.conversationId)).toEqual(['c2']);
    entries = applyPresence(entries, tab({ online: false }), 2);
    expect(entries).toEqual([]);
  });

  it('lists colleagues in a conversation once each, typists first, without me', () => {
    let entries = applyPresence([], tab({ tabId: 'a', userId: 'me', name: 'Me' }), 0);
    entries = applyPresence(entries, tab({ tabId: 'b' }), 0);
    entries = applyPresence(entries, tab({ tabId: 'c', typing: true }), 0);
    entries = applyPresence(
      entries,
      tab({ tabId: 'd', userId: 'lea', name: 'Lea Schmidt', initials: 'LS' }),
      0,
    );
    entries = applyPresence(
      entries,
      tab({ tabId: 'e', userId: 'zoe', name: 'Zoe', conversationId: 'c2' }),
      0,
    );
    expect(colleaguesIn(entries, 'c1', 'me', 1000)).toEqual([
      { userId: 'ben', name: 'Ben Okafor', initials: 'BO', typing: true },
      { userId: 'lea', name: 'Lea Schmidt', initials: 'LS', typing: false },
    ]);
  });

  it('lets typing lapse first and a silent tab disappear later', () => {
    const entries = applyPresence([], tab({ typing: true }), 0);
    expect(colleaguesIn(entries, 'c1', 'me', TYPING_TTL_MS)[0]?.typing).toBe(true);
    expect(colleaguesIn(entries, 'c1', 'me', TYPING_TTL_MS + 1)[0]?.typing).toBe(false);
    expect(colleaguesIn(entries, 'c1', 'me', PRESENCE_TTL_MS + 1)).toEqual([]);
  });
});

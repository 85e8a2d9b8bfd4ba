import {
  clearDraft,
  DRAFT_MAX_AGE_MS,
  DRAFT_MAX_COUNT,
  DRAFT_MAX_LENGTH,
  type DraftStorage,
  draftKey,
  loadDraft,
  saveDraft,
} from './composerDraft';

/** An in-memory Storage with the same semantics as localStorage for what drafts use. */
function memoryStorage(): DraftStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, String(v)),
    removeItem: (k) => void map.delete(k),
  };
}

const T0 = Date.parse('2026-11-21T09:00:00Z');

describe('composer drafts', () => {
  it('keeps text and channel per user and conversation', () => {
    const storage = memoryStorage();
    saveDraft(storage, 'anna', 'c1', { text: 'Hallo Jana', channel: 'dm' }, T0);
    saveDraft(storage, 'ben', 'c1', { text: 'Ben’s draft', channel: 'public' }, T0);
    expect(loadDraft(storage, 'anna', 'c1', T0 + 1000)).toEqual({
      text: 'Hallo Jana',
      channel: 'dm',
      savedAt: T0,
    });
    expect(loadDraft(storage, 'ben', 'c1', T0)?.text).toBe('Ben’s draft');
    expect(loadDraft(storage, 'anna', 'c2', T0)).toBeNull();
  });

  it('forgets a draft when cleared (after a send) or emptied', () => {
    const storage = memoryStorage();
    saveDraft(storage, 'anna', 'c1', { text: 'x', channel: 'public' }, T0);
    clearDraft(storage, 'anna', 'c1');
    expect(loadDraft(storage, 'anna', 'c1', T0)).toBeNull();
    saveDraft(storage, 'anna', 'c1', { text: 'y', channel: 'public' }, T0);
    saveDraft(storage, 'anna', 'c1', { text: '   ', channel: 'public' }, T0);
    expect(storage.map.size).toBe(0);
  });

  it('drops stale and unreadable drafts', () => {
    const storage = memoryStorage();
    saveDraft(storage, 'anna', 'c1', { text: 'old', channel: 'public' }, T0);
    expect(loadDraft(storage, 'anna', 'c1', T0 + DRAFT_MAX_AGE_MS + 1)).toBeNull();
    expect(storage.map.has(draftKey('anna', 'c1'))).toBe(false);
    storage.setItem(draftKey('anna', 'c2'), '{not json');
    expect(loadDraft(storage, 'anna', 'c2', T0)).toBeNull();
    storage.setItem(draftKey('anna', 'c3'), JSON.stringify({ text: 'ok', channel: 'bogus', savedAt: T0 }));
    expect(loadDraft(storage, 'anna', 'c3', T0)?.channel).toBeNull();
  });

  it('bounds size and count, oldest first, and leaves other users and keys alone', () => {
    const storage = memoryStorage();
    storage.setItem('unrelated', 'keep me');
    saveDraft(storage, 'ben', 'b1', { text: 'ben', channel: 'public' }, T0);
    for (let i = 0; i < DRAFT_MAX_COUNT + 5; i++) {
      saveDraft(storage, 'anna', `c${i}`, { text: `draft ${i}`, channel: 'public' }, T0 + i);
    }
    const annas = [...storage.map.keys()].filter((k) => k.startsWith(draftKey('anna', '')));
    expect(annas).toHaveLength(DRAFT_MAX_COUNT);
    expect(loadDraft(storage, 'anna', 'c0', T0 + 100)).toBeNull();
    expect(loadDraft(storage, 'anna', `c${DRAFT_MAX_COUNT + 4}`, T0 + 100)?.text).toBe(
      `draft ${DRAFT_MAX_COUNT + 4}`,
    );
    expect(storage.getItem('unrelated')).toBe('keep me');
    expect(loadDraft(storage, 'ben', 'b1', T0 + 100)?.text).toBe('ben');

    saveDraft(
      storage,
      'anna',
      'long',
      { text: 'x'.repeat(DRAFT_MAX_LENGTH + 50), channel: 'public' },
      T0 + 200,
    );
    expect(loadDraft(storage, 'anna', 'long', T0 + 200)?.text).toHaveLength(DRAFT_MAX_LENGTH);
  });

  it('reports a full storage as not saved instead of throwing', () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    expect(saveDraft(storage, 'anna', 'c1', { text: 'x', channel: 'public' }, T0)).toBe(false);
  });
});

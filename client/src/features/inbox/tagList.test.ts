import { addTags, MAX_TAGS, removeTag } from './tagList';

describe('addTags', () => {
  it('adds a trimmed, lower-case tag in sorted order, as the server stores it', () => {
    expect(addTags(['vip'], '  Refund ')).toEqual(['refund', 'vip']);
  });

  it('adds several tags separated by commas and skips duplicates', () => {
    expect(addTags(['vip'], 'shipping, VIP,,late  delivery')).toEqual(['late delivery', 'shipping', 'vip']);
  });

  it('answers null when nothing would change', () => {
    expect(addTags(['vip'], 'VIP')).toBeNull();
    expect(addTags([], ' , ')).toBeNull();
  });

  it('stops at the server’s limits', () => {
    const full = Array.from({ length: MAX_TAGS }, (_, i) => `t${i}`);
    expect(addTags(full, 'one-more')).toBeNull();
    expect(addTags([], 'x'.repeat(60))?.[0]).toHaveLength(40);
  });
});

describe('removeTag', () => {
  it('removes only that tag', () => {
    expect(removeTag(['refund', 'vip'], 'vip')).toEqual(['refund']);
  });
});

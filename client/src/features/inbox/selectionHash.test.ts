import { ACCOUNTS_HASH, conversationIdFromHash, hashForConversation, isAccountsHash } from './selectionHash';

describe('selection hash', () => {
  it('round-trips a conversation id', () => {
    const id = '0b5c2a9e-8f7e-4a51-9c1e-2f4d5e6a7b8c';
    expect(conversationIdFromHash(hashForConversation(id))).toBe(id);
  });

  it('ignores unrelated or broken hashes', () => {
    expect(conversationIdFromHash('')).toBeNull();
    expect(conversationIdFromHash('#/settings')).toBeNull();
    expect(conversationIdFromHash('#/conversations/')).toBeNull();
    expect(conversationIdFromHash('#/conversations/%E0%A4%A')).toBeNull();
  });

  it('recognises the account health view, which is not a conversation', () => {
    expect(isAccountsHash(ACCOUNTS_HASH)).toBe(true);
    expect(conversationIdFromHash(ACCOUNTS_HASH)).toBeNull();
    expect(isAccountsHash('#/accounts/x')).toBe(false);
  });

  it('clears the hash when nothing is selected', () => {
    expect(hashForConversation(null)).toBe('');
  });
});

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserDto } from '../../../../common/types';
import { AppHeader } from '../../components/AppHeader';
import { useRealtime } from '../../realtime/useRealtime';
import { AccountAlertBanners } from '../accounts/AccountAlertBanners';
import { AccountHealth } from '../accounts/AccountHealth';
import { useChannelAccounts } from '../accounts/accountQueries';
import { ConversationList } from './ConversationList';
import { ConversationView } from './ConversationView';
import { type InboxTab, StatusTabs } from './StatusTabs';
import { ACCOUNTS_HASH, conversationIdFromHash, hashForConversation, isAccountsHash } from './selectionHash';

export function InboxScreen({ user }: { user: UserDto }) {
  const { t } = useTranslation();
  const realtime = useRealtime();
  // Loaded once here for the banners; `account.updated` events and the open health view keep it fresh.
  const accounts = useChannelAccounts();
  const [tab, setTab] = useState<InboxTab>('open');
  // Selection is by id, never by position: lists refetch and reorder underneath it all the time.
  const [selectedId, setSelectedId] = useState<string | null>(() =>
    conversationIdFromHash(window.location.hash),
  );
  const [accountsOpen, setAccountsOpen] = useState(() => isAccountsHash(window.location.hash));

  // Links to #/accounts (header, banners) and the browser's back button change the hash; follow them.
  useEffect(() => {
    const onHashChange = () => {
      const hash = window.location.hash;
      setAccountsOpen(isAccountsHash(hash));
      if (!isAccountsHash(hash)) setSelectedId(conversationIdFromHash(hash));
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  useEffect(() => {
    const hash = accountsOpen ? ACCOUNTS_HASH : hashForConversation(selectedId);
    if (window.location.hash !== hash) {
      window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}`);
    }
  }, [selectedId, accountsOpen]);

  const select = (id: string) => {
    setSelectedId(id);
    setAccountsOpen(false);
  };

  return (
    <div className="app">
      <AppHeader
        user={user}
        realtime={realtime}
        accountsOpen={accountsOpen}
        accountsAttention={accounts.data?.some((a) => a.status === 'needs_reauth') ?? false}
      />
      {/* Always present, so the inbox stays in the grid's last (1fr) row when there is no banner. */}
      <div className="app__banners">
        <AccountAlertBanners accounts={accounts.data} />
      </div>
      <div className="inbox">
        <aside className="inbox__sidebar">
          <StatusTabs value={tab} onChange={setTab} />
          <ConversationList status={tab} selectedId={selectedId} onSelect={select} />
        </aside>
        <main className="inbox__main">
          {accountsOpen && <AccountHealth onClose={() => setAccountsOpen(false)} />}
          {/* Hidden rather than unmounted behind the health view, so a half-written reply survives. */}
          <div className="inbox__pane" hidden={accountsOpen}>
            {selectedId === null ? (
              <p className="placeholder placeholder--center">{t('conversation.empty')}</p>
            ) : (
              <ConversationView key={selectedId} conversationId={selectedId} user={user} />
            )}
          </div>
        </main>
      </div>
    </div>
  );
}

import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxView, UserDto } from '../../../../common/types';
import { AppHeader } from '../../components/AppHeader';
import { useRealtime } from '../../realtime/useRealtime';
import { AccountAlertBanners } from '../accounts/AccountAlertBanners';
import { AccountHealth } from '../accounts/AccountHealth';
import { useChannelAccounts } from '../accounts/accountQueries';
import { ConversationList } from './ConversationList';
import { type ConversationCommands, ConversationView } from './ConversationView';
import { flattenConversationPages } from './conversationPages';
import { useConversationList } from './inboxQueries';
import { moveCursor, type ShortcutAction } from './keymap';
import { ListSearch } from './ListSearch';
import { filterConversations } from './listFilter';
import { ShortcutsHelp } from './ShortcutsHelp';
import { ACCOUNTS_HASH, conversationIdFromHash, hashForConversation, isAccountsHash } from './selectionHash';
import { useInboxShortcuts } from './useInboxShortcuts';
import { ViewList } from './ViewList';

function rowElement(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(
    `[data-testid="conversation-row"][data-conversation-id="${CSS.escape(id)}"]`,
  );
}

export function InboxScreen({ user }: { user: UserDto }) {
  const { t } = useTranslation();
  const realtime = useRealtime();
  // Loaded once here for the banners; `account.updated` events and the open health view keep it fresh.
  const accounts = useChannelAccounts();
  const [view, setView] = useState<InboxView>('open');
  const [search, setSearch] = useState('');
  // Selection is by id, never by position: lists refetch and reorder underneath it all the time.
  const [selectedId, setSelectedId] = useState<string | null>(() =>
    conversationIdFromHash(window.location.hash),
  );
  // The row j/k highlight, opened with Enter; follows the selection when a row is clicked.
  const [cursorId, setCursorId] = useState<string | null>(null);
  const [accountsOpen, setAccountsOpen] = useState(() => isAccountsHash(window.location.hash));
  const [helpOpen, setHelpOpen] = useState(false);
  const searchInput = useRef<HTMLInputElement>(null);
  const commands = useRef<ConversationCommands>(null);
  const list = useConversationList(view);
  const conversations = useMemo(
    () => filterConversations(flattenConversationPages(list.data?.pages), search),
    [list.data, search],
  );

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
    setCursorId(id);
    setAccountsOpen(false);
  };

  const moveTo = (delta: 1 | -1) => {
    const next = moveCursor(
      conversations.map((conversation) => conversation.id),
      cursorId ?? selectedId,
      delta,
    );
    if (next === null) return;
    setCursorId(next);
    // Focus follows, so Enter on the row opens it and the browser keeps it in view.
    const row = rowElement(next);
    row?.scrollIntoView({ block: 'nearest' });
    row?.focus({ preventScroll: true });
  };

  /** Runs a shortcut; true when it did something (the key's default is then suppressed). */
  const runShortcut = (action: ShortcutAction): boolean => {
    if (helpOpen) {
      // The help is modal: only closing it does anything.
      if (action === 'close' || action === 'help') setHelpOpen(false);
      return action === 'close' || action === 'help';
    }
    // Conversation actions need a visible conversation, not one hidden behind the account health view.
    const open = accountsOpen ? null : commands.current;
    switch (action) {
      case 'next':
      case 'previous':
        moveTo(action === 'next' ? 1 : -1);
        return true;
      case 'open':
        if (cursorId === null) return false;
        select(cursorId);
        return true;
      case 'reply':
      case 'note':
        open?.focusComposer(action === 'note' ? 'note' : 'reply');
        return open !== null;
      case 'assign':
      case 'snooze':
        open?.openMenu(action);
        return open !== null;
      case 'claim':
        open?.claim();
        return open !== null;
      case 'resolve':
        open?.resolve();
        return open !== null;
      case 'search':
        searchInput.current?.focus();
        searchInput.current?.select();
        return true;
      case 'help':
        setHelpOpen(true);
        return true;
      case 'close':
        return commands.current?.closeOverlays() ?? false;
      case 'send':
        return false;
    }
  };
  useInboxShortcuts(runShortcut);

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
          <ViewList value={view} onChange={setView} />
          <ListSearch
            value={search}
            onChange={setSearch}
            inputRef={searchInput}
            onShowShortcuts={() => setHelpOpen(true)}
          />
          <ConversationList
            list={list}
            conversations={conversations}
            search={search}
            selectedId={selectedId}
            cursorId={cursorId}
            onSelect={select}
          />
        </aside>
        <main className="inbox__main">
          {accountsOpen && <AccountHealth onClose={() => setAccountsOpen(false)} />}
          {/* Hidden rather than unmounted behind the health view, so a half-written reply survives. */}
          <div className="inbox__pane" hidden={accountsOpen}>
            {selectedId === null ? (
              <p className="placeholder placeholder--center">{t('conversation.empty')}</p>
            ) : (
              <ConversationView
                key={selectedId}
                conversationId={selectedId}
                user={user}
                commandsRef={commands}
              />
            )}
          </div>
        </main>
      </div>
      {helpOpen && <ShortcutsHelp onClose={() => setHelpOpen(false)} />}
    </div>
  );
}

import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserDto } from '../../../../common/types';
import { AppHeader } from '../../components/AppHeader';
import { RealtimeProvider } from '../../realtime/RealtimeContext';
import { useReportViewing } from '../../realtime/usePresence';
import { useRealtime } from '../../realtime/useRealtime';
import { AccountAlertBanners } from '../accounts/AccountAlertBanners';
import { AccountHealth } from '../accounts/AccountHealth';
import { useChannelAccounts } from '../accounts/accountQueries';
import { AuditScreen } from '../audit/AuditScreen';
import { ChangePasswordForm } from '../auth/ChangePasswordScreen';
import { DashboardScreen } from '../dashboard/DashboardScreen';
import { ContactProfilePanel } from '../profile/ContactProfilePanel';
import { LazyReportsScreen } from '../reports/LazyReportsScreen';
import { RoutingScreen } from '../routing/RoutingScreen';
import { SearchPanel } from '../search/SearchPanel';
import { focusSearchItem } from '../search/searchFocus';
import { SlaSettings } from '../sla/SlaSettings';
import { UsersScreen } from '../users/UsersScreen';
import { BulkBar } from './bulk/BulkBar';
import { UndoToast, useUndo } from './bulk/UndoToast';
import { ConversationList, type ConversationListHandle } from './ConversationList';
import { type ConversationCommands, ConversationView } from './ConversationView';
import { flattenConversationPages } from './conversationPages';
import { ListToolbar } from './filters/ListToolbar';
import { useConversationList } from './inboxQueries';
import { moveCursor, type ShortcutAction } from './keymap';
import { ListSearch } from './ListSearch';
import { filterConversations } from './listFilter';
import { defaultSortFor, type ListQuery } from './listQuery';
import { ShortcutsHelp } from './ShortcutsHelp';
import {
  conversationIdFromHash,
  hashForConversation,
  hashForScreen,
  type Screen,
  screenFromHash,
} from './selectionHash';
import { useInboxShortcuts } from './useInboxShortcuts';
import { ViewList } from './ViewList';

export function InboxScreen({ user }: { user: UserDto }) {
  const { t } = useTranslation();
  const realtime = useRealtime();
  // Loaded once here for the banners; `account.updated` events and the open health view keep it fresh.
  const accounts = useChannelAccounts();
  const [query, setQuery] = useState<ListQuery>({ view: 'open', sort: 'waiting', filters: {} });
  // Rows ticked for a bulk action (x or the checkbox); cleared when the list changes to another view.
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const undo = useUndo();
  const listHandle = useRef<ConversationListHandle>(null);
  const [search, setSearch] = useState('');
  // The query sent to the server with Enter; while set, its results replace the list.
  const [searched, setSearched] = useState('');
  // Selection is by id, never by position: lists refetch and reorder underneath it all the time.
  const [selectedId, setSelectedId] = useState<string | null>(() =>
    conversationIdFromHash(window.location.hash),
  );
  // The row j/k highlight, opened with Enter; follows the selection when a row is clicked.
  const [cursorId, setCursorId] = useState<string | null>(null);
  // A screen (account health, dashboard) covering the conversation pane; null: the conversation shows.
  const [screen, setScreen] = useState<Screen | null>(() => screenFromHash(window.location.hash));
  const accountsOpen = screen !== null;
  const [helpOpen, setHelpOpen] = useState(false);
  const searchInput = useRef<HTMLInputElement>(null);
  const commands = useRef<ConversationCommands>(null);
  const list = useConversationList(query);
  // Colleagues see which conversation this tab shows (none while the account health view covers it).
  useReportViewing(realtime.reporter, accountsOpen ? null : selectedId);
  const conversations = useMemo(
    () => filterConversations(flattenConversationPages(list.data?.pages), search),
    [list.data, search],
  );

  // Links to #/accounts (header, banners) and the browser's back button change the hash; follow them.
  useEffect(() => {
    const onHashChange = () => {
      const hash = window.location.hash;
      const next = screenFromHash(hash);
      setScreen(next);
      if (next === null) setSelectedId(conversationIdFromHash(hash));
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  useEffect(() => {
    const hash = screen !== null ? hashForScreen(screen) : hashForConversation(selectedId);
    if (window.location.hash !== hash) {
      window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}`);
    }
  }, [selectedId, screen]);

  const changeSearch = (value: string) => {
    setSearch(value);
    if (value.trim() === '') setSearched('');
  };
  const closeSearch = () => {
    setSearch('');
    setSearched('');
  };

  const select = (id: string) => {
    setSelectedId(id);
    setCursorId(id);
    setScreen(null);
  };

  const moveTo = (delta: 1 | -1) => {
    if (searched !== '') {
      focusSearchItem(delta);
      return;
    }
    const next = moveCursor(
      conversations.map((conversation) => conversation.id),
      cursorId ?? selectedId,
      delta,
    );
    if (next === null) return;
    setCursorId(next);
    // Focus follows, so Enter on the row opens it; the list renders and scrolls to it first.
    listHandle.current?.focusRow(next);
  };

  const toggleChecked = (id: string) =>
    setChecked((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const changeQuery = (next: ListQuery) => {
    setQuery(next);
    setChecked(new Set());
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
      case 'select': {
        const id = cursorId ?? selectedId;
        if (id === null || searched !== '') return false;
        toggleChecked(id);
        return true;
      }
      case 'undo':
        return undo.run();
      case 'close':
        if (commands.current?.closeOverlays()) return true;
        if (checked.size > 0) {
          setChecked(new Set());
          return true;
        }
        if (searched !== '') closeSearch();
        return searched !== '';
      case 'send':
        return false;
    }
  };
  useInboxShortcuts(runShortcut);

  return (
    <RealtimeProvider value={realtime}>
      <div className="app">
        <AppHeader
          user={user}
          realtime={realtime.status}
          screen={screen}
          accountsAttention={accounts.data?.some((a) => a.status === 'needs_reauth') ?? false}
        />
        {/* Always present, so the inbox stays in the grid's last (1fr) row when there is no banner. */}
        <div className="app__banners">
          <AccountAlertBanners accounts={accounts.data} />
        </div>
        <div className="inbox">
          <aside className="inbox__sidebar">
            <ViewList
              value={query.view}
              onChange={(view) => changeQuery({ view, sort: defaultSortFor(view), filters: {} })}
            />
            <ListToolbar query={query} onChange={changeQuery} />
            <ListSearch
              value={search}
              onChange={changeSearch}
              inputRef={searchInput}
              onShowShortcuts={() => setHelpOpen(true)}
              onSubmit={() => setSearched(search.trim() === '' ? '' : search)}
              onArrowDown={() => focusSearchItem(1)}
            />
            {searched !== '' ? (
              <SearchPanel query={searched} selectedId={selectedId} onOpen={select} onClose={closeSearch} />
            ) : (
              <ConversationList
                // A new view, order or filter starts at the top.
                key={JSON.stringify(query)}
                handleRef={listHandle}
                checked={checked}
                onToggleCheck={toggleChecked}
                list={list}
                conversations={conversations}
                search={search}
                selectedId={selectedId}
                cursorId={cursorId}
                userId={user.id}
                onSelect={select}
              />
            )}
          </aside>
          <main className="inbox__main">
            {screen === 'accounts' && <AccountHealth onClose={() => setScreen(null)} />}
            {screen === 'dashboard' && (
              <DashboardScreen onClose={() => setScreen(null)} onOpenConversation={select} />
            )}
            {screen === 'sla' && <SlaSettings onClose={() => setScreen(null)} />}
            {screen === 'routing' && <RoutingScreen user={user} onClose={() => setScreen(null)} />}
            {screen === 'reports' && <LazyReportsScreen onClose={() => setScreen(null)} />}
            {screen === 'password' && (
              <section className="password-pane">
                <ChangePasswordForm voluntary onDone={() => setScreen(null)} />
              </section>
            )}
            {screen === 'users' && user.role === 'admin' && (
              <UsersScreen user={user} onClose={() => setScreen(null)} />
            )}
            {screen === 'audit' && user.role === 'admin' && <AuditScreen onClose={() => setScreen(null)} />}
            {/* Hidden rather than unmounted behind the health view, so a half-written reply survives. */}
            <div className="inbox__pane" hidden={accountsOpen}>
              {selectedId === null ? (
                <p className="placeholder placeholder--center">{t('conversation.empty')}</p>
              ) : (
                <div className="inbox__detail">
                  <ConversationView
                    key={selectedId}
                    conversationId={selectedId}
                    user={user}
                    commandsRef={commands}
                  />
                  <ContactProfilePanel conversationId={selectedId} />
                </div>
              )}
            </div>
          </main>
        </div>
        {checked.size > 0 && (
          <BulkBar selectedIds={[...checked]} user={user} onClear={() => setChecked(new Set())} />
        )}
        <UndoToast undo={undo} />
        {helpOpen && <ShortcutsHelp onClose={() => setHelpOpen(false)} />}
      </div>
    </RealtimeProvider>
  );
}

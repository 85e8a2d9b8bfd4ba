import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserDto } from '../../../../common/types';
import { AppHeader } from '../../components/AppHeader';
import { useRealtime } from '../../realtime/useRealtime';
import { ConversationList } from './ConversationList';
import { ConversationView } from './ConversationView';
import { type InboxTab, StatusTabs } from './StatusTabs';
import { conversationIdFromHash, hashForConversation } from './selectionHash';

export function InboxScreen({ user }: { user: UserDto }) {
  const { t } = useTranslation();
  const realtime = useRealtime();
  const [tab, setTab] = useState<InboxTab>('open');
  // Selection is by id, never by position: lists refetch and reorder underneath it all the time.
  const [selectedId, setSelectedId] = useState<string | null>(() =>
    conversationIdFromHash(window.location.hash),
  );

  useEffect(() => {
    const hash = hashForConversation(selectedId);
    if (window.location.hash !== hash) {
      window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}`);
    }
  }, [selectedId]);

  return (
    <div className="app">
      <AppHeader user={user} realtime={realtime} />
      <div className="inbox">
        <aside className="inbox__sidebar">
          <StatusTabs value={tab} onChange={setTab} />
          <ConversationList status={tab} selectedId={selectedId} onSelect={setSelectedId} />
        </aside>
        <main className="inbox__main">
          {selectedId === null ? (
            <p className="placeholder placeholder--center">{t('conversation.empty')}</p>
          ) : (
            <ConversationView key={selectedId} conversationId={selectedId} user={user} />
          )}
        </main>
      </div>
    </div>
  );
}

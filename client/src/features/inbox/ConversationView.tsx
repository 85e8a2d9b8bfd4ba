import { type Ref, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserDto } from '../../../../common/types';
import { isApiError } from '../../api/ApiError';
import { PlatformBadge } from '../../components/PlatformBadge';
import { StatusPill } from '../../components/StatusPill';
import { useNow } from '../../components/useNow';
import { describeError } from '../../i18n/describeError';
import { useColleaguesIn } from '../../realtime/usePresence';
import { Composer, type ComposerHandle, type ComposerMode } from './Composer';
import { type ActionMenu, ConversationActions, ConversationToolbar } from './ConversationActions';
import { ConversationActivity } from './ConversationActivity';
import { useConversation } from './inboxQueries';
import { mayModerate } from './moderation';
import { PresenceBar } from './PresenceBar';
import { defaultReplyKind } from './replyChannel';
import { replyOptionsOf } from './replyOptions';
import { Thread } from './Thread';
import { useConversationWorkflow } from './workflowQueries';

// Snooze badges only need to notice a snooze running out.
const SNOOZE_TICK_MS = 30_000;

/** What the inbox's keyboard shortcuts can ask of the open conversation. */
export interface ConversationCommands {
  focusComposer(mode: ComposerMode): void;
  openMenu(menu: ActionMenu): void;
  claim(): void;
  resolve(): void;
  /** Closes menus, mention suggestions and the takeover question; true when something was open. */
  closeOverlays(): boolean;
}

interface ConversationViewProps {
  conversationId: string;
  user: UserDto;
  commandsRef?: Ref<ConversationCommands>;
}

export function ConversationView({ conversationId, user, commandsRef }: ConversationViewProps) {
  const { t } = useTranslation();
  const now = useNow(SNOOZE_TICK_MS);
  const query = useConversation(conversationId);
  const workflow = useConversationWorkflow(conversationId);
  const [menu, setMenu] = useState<ActionMenu | null>(null);
  const composer = useRef<ComposerHandle>(null);
  const conversation = query.data?.conversation;
  const colleagues = useColleaguesIn(conversationId, user.id);

  useImperativeHandle(
    commandsRef,
    () => ({
      focusComposer: (mode) => composer.current?.focus(mode),
      openMenu: (which) => {
        if (conversation !== undefined) setMenu(which);
      },
      claim: () => {
        if (conversation !== undefined && conversation.assigneeId !== user.id && !workflow.claim.isPending) {
          workflow.claim.mutate();
        }
      },
      resolve: () => {
        if (conversation !== undefined && conversation.status !== 'resolved' && !workflow.status.isPending) {
          workflow.status.mutate({ status: 'resolved' });
        }
      },
      closeOverlays: () => {
        const closedComposer = composer.current?.closeOverlays() ?? false;
        if (menu === null) return closedComposer;
        setMenu(null);
        return true;
      },
    }),
    [conversation, user.id, workflow.claim, workflow.status, menu],
  );

  if (conversation === undefined) {
    const notFound = isApiError(query.error) && query.error.status === 404;
    return (
      <section data-testid="conversation-view" className="view" aria-busy={query.isPending}>
        {query.isError ? (
          <div className="banner banner--error" role="alert">
            <span>
              {notFound
                ? t('conversation.notFound')
                : `${t('conversation.error')} ${describeError(t, query.error)}`}
            </span>
            {!notFound && (
              <button type="button" className="button button--small" onClick={() => void query.refetch()}>
                {t('errors.tryAgain')}
              </button>
            )}
          </div>
        ) : (
          <p className="placeholder">{t('conversation.loading')}</p>
        )}
      </section>
    );
  }

  const replyOptions = replyOptionsOf(conversation);

  return (
    <section data-testid="conversation-view" className="view">
      <header className="view__header">
        <div className="view__who">
          <PlatformBadge platform={conversation.platform} />
          <div className="view__names">
            <h2 className="view__name">
              {/* bdi: a right-to-left name keeps its own direction without right-aligning the heading. */}
              <bdi>{conversation.contact.name}</bdi>
            </h2>
            <span className="view__sub">
              {conversation.contact.handle ? `@${conversation.contact.handle} · ` : ''}
              {t('conversation.via', { handle: conversation.accountHandle })}
              {conversation.assigneeName !== null && (
                <span data-testid="conversation-assignee" data-assignee-id={conversation.assigneeId ?? ''}>
                  {` · ${t('conversation.assignee', { name: conversation.assigneeName })}`}
                </span>
              )}
            </span>
          </div>
          <StatusPill status={conversation.status} />
        </div>
        <ConversationActions
          conversation={conversation}
          user={user}
          workflow={workflow}
          menu={menu}
          onMenuChange={setMenu}
          now={now}
        />
      </header>
      <ConversationToolbar conversation={conversation} workflow={workflow} now={now} />
      <PresenceBar colleagues={colleagues} />
      {query.isError && (
        // Keep showing the last good copy; a background refetch failing must not hide the thread.
        <div className="banner banner--error" role="alert">
          <span>
            {t('conversation.error')} {describeError(t, query.error)}
          </span>
        </div>
      )}
      <ConversationActivity conversation={conversation} />
      <Thread
        messages={conversation.messages}
        platform={conversation.platform}
        canModerate={mayModerate(user.role)}
        reviewer={{ userId: user.id, initials: user.initials, mayReview: user.requiresApproval !== true }}
      />
      <Composer
        controlRef={composer}
        conversation={conversation}
        user={user}
        replyOptions={replyOptions}
        defaultKind={defaultReplyKind(conversation.messages, replyOptions)}
        colleaguesReplying={colleagues.filter((colleague) => colleague.typing)}
      />
    </section>
  );
}

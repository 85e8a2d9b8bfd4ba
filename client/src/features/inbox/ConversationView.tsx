import { useTranslation } from 'react-i18next';
import type { UserDto } from '../../../../common/types';
import { isApiError } from '../../api/ApiError';
import { PlatformBadge } from '../../components/PlatformBadge';
import { StatusPill } from '../../components/StatusPill';
import { describeError } from '../../i18n/describeError';
import { Composer } from './Composer';
import { useConversation, useUpdateStatus } from './inboxQueries';
import { mayModerate } from './moderation';
import { defaultReplyKind } from './replyChannel';
import { replyOptionsOf } from './replyOptions';
import { Thread } from './Thread';

interface ConversationViewProps {
  conversationId: string;
  user: UserDto;
}

export function ConversationView({ conversationId, user }: ConversationViewProps) {
  const { t } = useTranslation();
  const query = useConversation(conversationId);
  const updateStatus = useUpdateStatus(conversationId);

  if (query.data === undefined) {
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

  const conversation = query.data.conversation;
  const resolved = conversation.status === 'resolved';
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
              {conversation.assigneeName !== null &&
                ` · ${t('conversation.assignee', { name: conversation.assigneeName })}`}
            </span>
          </div>
          <StatusPill status={conversation.status} />
        </div>
        <div className="view__actions">
          {updateStatus.isError && (
            <span className="form-error" role="alert">
              {describeError(t, updateStatus.error)}
            </span>
          )}
          {resolved && (
            <button
              type="button"
              className="button button--ghost"
              disabled={updateStatus.isPending}
              onClick={() => updateStatus.mutate('open')}
            >
              {t('conversation.reopen')}
            </button>
          )}
          <button
            data-testid="resolve-button"
            type="button"
            className="button"
            disabled={resolved || updateStatus.isPending}
            onClick={() => updateStatus.mutate('resolved')}
          >
            {resolved
              ? t('conversation.resolved')
              : updateStatus.isPending
                ? t('conversation.resolving')
                : t('conversation.resolve')}
          </button>
        </div>
      </header>
      {query.isError && (
        // Keep showing the last good copy; a background refetch failing must not hide the thread.
        <div className="banner banner--error" role="alert">
          <span>
            {t('conversation.error')} {describeError(t, query.error)}
          </span>
        </div>
      )}
      <Thread
        messages={conversation.messages}
        platform={conversation.platform}
        canModerate={mayModerate(user.role)}
      />
      <Composer
        conversation={conversation}
        user={user}
        replyOptions={replyOptions}
        defaultKind={defaultReplyKind(conversation.messages, replyOptions)}
      />
    </section>
  );
}

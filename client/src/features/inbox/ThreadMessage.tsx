import { useTranslation } from 'react-i18next';
import type { MessageDto, Platform } from '../../../../common/types';
import { ExternalLink } from '../../components/ExternalLink';
import { LockIcon } from '../../components/LockIcon';
import { formatFullTimestamp, formatMessageTime } from '../../i18n/dateFormat';
import { DraftReview, type DraftReviewer } from '../approvals/DraftReview';
import { MessageMedia } from './content/MessageMedia';
import { MessageText } from './content/MessageText';
import { QuotedPost } from './content/QuotedPost';
import { safeHttpUrl } from './content/safeUrl';
import { DeliveryStatus } from './DeliveryStatus';
import { ModerationControls } from './ModerationControls';
import { isModeratable } from './moderation';

interface ThreadMessageProps {
  message: MessageDto;
  platform: Platform;
  /** The agent may hide and delete comments (see mayModerate). */
  canModerate?: boolean;
  /** The viewer, for Approve / Reject on drafts (null: show the draft's state only). */
  reviewer?: DraftReviewer | null;
}

export function ThreadMessage({
  message,
  platform,
  canModerate = false,
  reviewer = null,
}: ThreadMessageProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  // The platform's own timestamp is when the customer saw it happen; ours is the fallback.
  const at = message.platformCreatedAt ?? message.createdAt;
  const dm = message.channel === 'dm';
  const externalUrl = safeHttpUrl(message.externalUrl);
  const { hidden, deleted } = message.moderation;
  const moderationClass = deleted ? ' msg--deleted' : hidden ? ' msg--hidden' : '';

  return (
    <article
      data-testid="thread-message"
      data-direction={message.direction}
      data-channel={message.channel}
      data-message-id={message.id}
      data-moderation={deleted ? 'deleted' : hidden ? 'hidden' : undefined}
      data-delivery={message.deliveryState ?? undefined}
      className={`msg msg--${message.direction}${dm ? ' msg--dm' : ''}${moderationClass}`}
    >
      <header className="msg__meta">
        <span className="msg__author" dir="auto">
          {message.authorName}
        </span>
        {message.authorHandle ? <span className="msg__handle">@{message.authorHandle}</span> : null}
        {dm && (
          <span data-testid="message-dm-tag" className="msg__dm" title={t('message.dmTitle')}>
            <LockIcon />
            {t('message.dm')}
          </span>
        )}
        {message.direction === 'outbound' && message.privateReply && (
          <span
            data-testid="message-private-reply-tag"
            className="msg__dm"
            title={t('message.privateReplyTitle')}
          >
            {t('message.privateReply')}
          </span>
        )}
        {message.direction === 'note' && (
          <span data-testid="message-note-tag" className="msg__tag">
            {t('message.note')}
          </span>
        )}
        {deleted ? (
          <span
            data-testid="moderation-deleted"
            className="badge badge--deleted"
            title={t('message.deletedTitle')}
          >
            {t('message.deleted')}
          </span>
        ) : (
          hidden && (
            <span
              data-testid="moderation-hidden"
              className="badge badge--hidden"
              title={t('message.hiddenTitle')}
            >
              {t('message.hidden')}
            </span>
          )
        )}
        <time className="msg__time" dateTime={at} title={formatFullTimestamp(at, locale)}>
          {formatMessageTime(at, locale)}
        </time>
      </header>
      <MessageText text={message.text} entities={message.entities} platform={platform} />
      {message.media.length > 0 && <MessageMedia media={message.media} externalUrl={message.externalUrl} />}
      {message.quoted !== null && <QuotedPost quoted={message.quoted} />}
      {externalUrl !== null && (
        <div className="msg__footer">
          <ExternalLink href={externalUrl} className="msg__external" testId="message-external-link">
            {t('message.openOn', { platform: t(`platform.${platform}`) })}
          </ExternalLink>
        </div>
      )}
      {message.direction === 'outbound' && <DeliveryStatus message={message} />}
      {message.approval != null && <DraftReview message={message} reviewer={reviewer} />}
      {canModerate && isModeratable(message, platform) && <ModerationControls message={message} />}
    </article>
  );
}

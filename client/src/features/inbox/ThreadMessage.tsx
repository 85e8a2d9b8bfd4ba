import { useTranslation } from 'react-i18next';
import type { MessageDto, Platform } from '../../../../common/types';
import { ExternalLink } from '../../components/ExternalLink';
import { LockIcon } from '../../components/LockIcon';
import { formatFullTimestamp, formatMessageTime } from '../../i18n/dateFormat';
import { MessageMedia } from './content/MessageMedia';
import { MessageText } from './content/MessageText';
import { QuotedPost } from './content/QuotedPost';
import { safeHttpUrl } from './content/safeUrl';
import { DeliveryStatus } from './DeliveryStatus';

interface ThreadMessageProps {
  message: MessageDto;
  platform: Platform;
}

export function ThreadMessage({ message, platform }: ThreadMessageProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  // The platform's own timestamp is when the customer saw it happen; ours is the fallback.
  const at = message.platformCreatedAt ?? message.createdAt;
  const dm = message.channel === 'dm';
  const externalUrl = safeHttpUrl(message.externalUrl);

  return (
    <article
      data-testid="thread-message"
      data-direction={message.direction}
      data-channel={message.channel}
      data-message-id={message.id}
      className={`msg msg--${message.direction}${dm ? ' msg--dm' : ''}`}
    >
      <header className="msg__meta">
        <span className="msg__author" dir="auto">
          {message.authorName}
        </span>
        {message.authorHandle !== null && <span className="msg__handle">@{message.authorHandle}</span>}
        {dm && (
          <span data-testid="message-dm-tag" className="msg__dm" title={t('message.dmTitle')}>
            <LockIcon />
            {t('message.dm')}
          </span>
        )}
        {message.direction === 'note' && <span className="msg__tag">{t('message.note')}</span>}
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
    </article>
  );
}

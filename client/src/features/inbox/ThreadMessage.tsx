import { useTranslation } from 'react-i18next';
import type { MessageDto } from '../../../../common/types';
import { formatFullTimestamp, formatMessageTime } from '../../i18n/dateFormat';
import { DeliveryStatus } from './DeliveryStatus';

export function ThreadMessage({ message }: { message: MessageDto }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  // The platform's own timestamp is when the customer saw it happen; ours is the fallback.
  const at = message.platformCreatedAt ?? message.createdAt;

  return (
    <article
      data-testid="thread-message"
      data-direction={message.direction}
      data-message-id={message.id}
      className={`msg msg--${message.direction}`}
    >
      <header className="msg__meta">
        <span className="msg__author" dir="auto">
          {message.authorName}
        </span>
        {message.authorHandle !== null && <span className="msg__handle">@{message.authorHandle}</span>}
        {message.direction === 'note' && <span className="msg__tag">{t('message.note')}</span>}
        <time className="msg__time" dateTime={at} title={formatFullTimestamp(at, locale)}>
          {formatMessageTime(at, locale)}
        </time>
      </header>
      <p className="msg__text" dir="auto">
        {message.text}
      </p>
      {message.direction === 'outbound' && <DeliveryStatus message={message} />}
    </article>
  );
}

import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../../../../common/types';
import { PlatformBadge } from '../../components/PlatformBadge';
import { StatusPill } from '../../components/StatusPill';
import { formatFullTimestamp } from '../../i18n/dateFormat';
import { elapsedMs, formatDuration, isAwaitingReply, waitingLevel } from './waitingTime';

interface ConversationRowProps {
  conversation: ConversationSummary;
  selected: boolean;
  now: number;
  onSelect: (id: string) => void;
}

export function ConversationRow({ conversation, selected, now, onSelect }: ConversationRowProps) {
  const { t, i18n } = useTranslation();
  const { contact, lastInboundAt } = conversation;
  const awaiting = isAwaitingReply(conversation);
  const waitedMs = lastInboundAt === null ? null : elapsedMs(lastInboundAt, now);
  const waitClass =
    awaiting && waitedMs !== null ? `wait wait--${waitingLevel(waitedMs)}` : 'wait wait--idle';
  const priorityFlag = conversation.priority === 'high' || conversation.priority === 'urgent';

  return (
    <li>
      <button
        type="button"
        data-testid="conversation-row"
        data-conversation-id={conversation.id}
        aria-current={selected ? 'true' : undefined}
        className={selected ? 'row row--selected' : 'row'}
        onClick={() => onSelect(conversation.id)}
      >
        <span className="row__line">
          <PlatformBadge platform={conversation.platform} />
          <span className="row__name" dir="auto">
            {contact.name}
          </span>
          {contact.handle && <span className="row__handle">@{contact.handle}</span>}
          {waitedMs !== null && lastInboundAt !== null && (
            <span
              className={waitClass}
              title={
                awaiting
                  ? t('list.waitingSince', {
                      time: formatFullTimestamp(lastInboundAt, i18n.resolvedLanguage ?? 'en'),
                    })
                  : t('list.lastMessageAt', {
                      time: formatFullTimestamp(lastInboundAt, i18n.resolvedLanguage ?? 'en'),
                    })
              }
            >
              {formatDuration(waitedMs, i18n.resolvedLanguage ?? 'en')}
            </span>
          )}
        </span>
        <span className="row__snippet" dir="auto">
          {conversation.snippet}
        </span>
        <span className="row__line row__meta">
          <StatusPill status={conversation.status} />
          {priorityFlag && (
            <span className={`priority priority--${conversation.priority}`}>
              {t(`priority.${conversation.priority}`)}
            </span>
          )}
          <span className="row__assignee">{conversation.assigneeName ?? t('list.unassigned')}</span>
        </span>
      </button>
    </li>
  );
}

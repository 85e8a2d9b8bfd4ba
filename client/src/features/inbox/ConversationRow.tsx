import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../../../../common/types';
import { PlatformBadge } from '../../components/PlatformBadge';
import { StatusPill } from '../../components/StatusPill';
import { formatDeadline, formatFullTimestamp } from '../../i18n/dateFormat';
import type { Colleague } from '../../realtime/presenceState';
import { RowViewers } from './PresenceBar';
import { SlaBadge } from './SlaBadge';
import { isSnoozed } from './snoozeTimes';
import { elapsedMs, formatDuration, isAwaitingReply, waitingLevel } from './waitingTime';

interface ConversationRowProps {
  conversation: ConversationSummary;
  /** Position in a virtualized list: its index (for measuring) and where it sits. */
  index?: number;
  top?: number;
  measureRef?: (element: Element | null) => void;
  /** Ticked for a bulk action. */
  checked?: boolean;
  onToggleCheck?: (id: string) => void;
  selected: boolean;
  /** Highlighted by j/k, to be opened with Enter. */
  cursor: boolean;
  now: number;
  /** Colleagues looking at it right now. */
  colleagues?: readonly Colleague[];
  onSelect: (id: string) => void;
}

export function ConversationRow({
  conversation,
  selected,
  cursor,
  now,
  colleagues = [],
  index,
  top,
  measureRef,
  checked = false,
  onToggleCheck,
  onSelect,
}: ConversationRowProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const { contact, lastInboundAt } = conversation;
  const awaiting = isAwaitingReply(conversation);
  const waitedMs = lastInboundAt === null ? null : elapsedMs(lastInboundAt, now);
  const waitClass =
    awaiting && waitedMs !== null ? `wait wait--${waitingLevel(waitedMs)}` : 'wait wait--idle';
  const priorityFlag = conversation.priority === 'high' || conversation.priority === 'urgent';
  const snoozedUntil = isSnoozed(conversation.snoozedUntil, now) ? conversation.snoozedUntil : null;
  const tags = conversation.tags ?? [];
  const className = `row${selected ? ' row--selected' : ''}${cursor ? ' row--cursor' : ''}`;

  const positioned = top !== undefined;
  return (
    <li
      ref={measureRef}
      data-index={index}
      className={`row-item${checked ? ' row-item--checked' : ''}`}
      style={
        positioned
          ? { position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${top}px)` }
          : undefined
      }
    >
      {onToggleCheck !== undefined && (
        <input
          type="checkbox"
          data-testid="row-check"
          className="row-item__check"
          checked={checked}
          aria-label={t('inboxList.select', { name: contact.name })}
          onChange={() => onToggleCheck(conversation.id)}
        />
      )}
      <button
        type="button"
        data-testid="conversation-row"
        data-conversation-id={conversation.id}
        data-cursor={cursor ? 'true' : undefined}
        aria-current={selected ? 'true' : undefined}
        className={className}
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
                      time: formatFullTimestamp(lastInboundAt, locale),
                    })
                  : t('list.lastMessageAt', {
                      time: formatFullTimestamp(lastInboundAt, locale),
                    })
              }
            >
              {formatDuration(waitedMs, locale)}
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
          {snoozedUntil !== null && (
            <span
              data-testid="row-snoozed"
              className="badge badge--snoozed"
              title={t('list.snoozedUntil', { time: formatFullTimestamp(snoozedUntil, locale) })}
            >
              {t('list.snoozedUntil', { time: formatDeadline(snoozedUntil, locale) })}
            </span>
          )}
          <SlaBadge conversation={conversation} now={now} />
          {conversation.teamName !== null && (
            <span className="badge badge--team" data-testid="row-team">
              {t('inboxList.team', { name: conversation.teamName })}
            </span>
          )}
          <RowViewers colleagues={colleagues} />
          <span className="row__assignee">{conversation.assigneeName ?? t('list.unassigned')}</span>
        </span>
        {tags.length > 0 && (
          <span className="row__tags" title={t('list.tags')}>
            {tags.map((tag) => (
              <span key={tag} data-testid="row-tag" className="tag tag--small" dir="auto">
                {tag}
              </span>
            ))}
          </span>
        )}
      </button>
    </li>
  );
}

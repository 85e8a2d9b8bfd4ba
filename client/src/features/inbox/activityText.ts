import type { TFunction } from 'i18next';
import {
  CONVERSATION_STATUSES,
  type ConversationEventDto,
  type ConversationStatus,
  PRIORITIES,
  type Priority,
  REPLY_KINDS,
  type ReplyKind,
} from '../../../../common/types';
import { formatDeadline } from '../../i18n/dateFormat';

export interface ActivityContext {
  locale: string;
  /** The customer's name, for events the customer caused (the server names agents only). */
  customerName: string;
  /** A colleague's name by user id, when known (events store ids for "from whom"). */
  userName: (id: string) => string | null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function oneOf<T extends string>(values: readonly T[], value: unknown): T | null {
  return values.includes(value as T) ? (value as T) : null;
}

function names(ids: unknown, context: ActivityContext): string | null {
  if (!Array.isArray(ids)) return null;
  const known = ids.flatMap((id) => {
    const name = typeof id === 'string' ? context.userName(id) : null;
    return name === null ? [] : [name];
  });
  return known.length === 0
    ? null
    : new Intl.ListFormat(context.locale, { type: 'conjunction' }).format(known);
}

/** Who did it: the agent the server names, the customer, or Caredesk itself. */
export function activityActor(t: TFunction, event: ConversationEventDto, context: ActivityContext): string {
  if (event.actorName !== null && event.actorName !== '') return event.actorName;
  return event.actorKind === 'customer' ? context.customerName : t('activity.system');
}

/** One sentence per event type, in the interface language; an unknown type still says what happened. */
export function describeActivity(
  t: TFunction,
  event: ConversationEventDto,
  context: ActivityContext,
): string {
  const actor = activityActor(t, event, context);
  const { data } = event;
  const fromPlatform = event.actorKind !== 'user';
  const status = (value: unknown) => {
    const known = oneOf<ConversationStatus>(CONVERSATION_STATUSES, value);
    return known === null ? '–' : t(`status.${known}`);
  };
  const priority = (value: unknown) => {
    const known = oneOf<Priority>(PRIORITIES, value);
    return known === null ? '–' : t(`priority.${known}`);
  };

  switch (event.type) {
    case 'conversation.created':
      return t('activity.created', { actor: context.customerName });
    case 'conversation.reopened':
      return t('activity.reopened', { actor: context.customerName });
    case 'conversation.status_changed':
      return t('activity.statusChanged', { actor, from: status(data.from), to: status(data.to) });
    case 'conversation.assigned': {
      const to = text(data.to);
      const name = text(data.assigneeName) ?? (to === null ? null : context.userName(to));
      return t('activity.assigned', { actor, name: name ?? t('activity.someone') });
    }
    case 'conversation.claimed':
      return t('activity.claimed', { actor });
    case 'conversation.team_assigned': {
      const name = text(data.teamName);
      return name === null
        ? t('activity.teamCleared', { actor })
        : t('activity.teamAssigned', { actor, name });
    }
    case 'conversation.routed':
      return t('activity.routed', { rule: text(data.ruleName) ?? '–' });
    case 'conversation.returned_to_queue':
      return t('activity.returnedToQueue');
    case 'conversation.unassigned':
      return t('activity.unassigned', { actor });
    case 'conversation.takeover': {
      const from = text(data.from);
      const name = from === null ? null : context.userName(from);
      return name === null
        ? t('activity.takeoverAnonymous', { actor })
        : t('activity.takeover', { actor, name });
    }
    case 'conversation.priority_changed':
      return t('activity.priorityChanged', { actor, from: priority(data.from), to: priority(data.to) });
    case 'conversation.tags_changed': {
      const tags = Array.isArray(data.to) ? data.to.filter((tag) => typeof tag === 'string') : [];
      return tags.length === 0
        ? t('activity.tagsCleared', { actor })
        : t('activity.tagsChanged', { actor, tags: tags.join(', ') });
    }
    case 'conversation.snoozed': {
      const until = text(data.until);
      const time = until === null ? '' : formatDeadline(until, context.locale);
      return time === '' ? t('activity.snoozedUnknown', { actor }) : t('activity.snoozed', { actor, time });
    }
    case 'conversation.unsnoozed':
      return t('activity.unsnoozed', { actor });
    case 'message.received':
      return t('activity.received', { actor: context.customerName });
    case 'message.edited':
      return t('activity.edited', { actor: context.customerName });
    case 'message.hidden':
      return fromPlatform ? t('activity.hiddenOnPlatform') : t('activity.hidden', { actor });
    case 'message.unhidden':
      return fromPlatform ? t('activity.unhiddenOnPlatform') : t('activity.unhidden', { actor });
    case 'message.deleted':
      return fromPlatform ? t('activity.deletedOnPlatform') : t('activity.deleted', { actor });
    case 'reply.queued': {
      const kind = oneOf<ReplyKind>(REPLY_KINDS, data.kind) ?? 'public';
      return t('activity.replyQueued', { actor, kind: t(`activity.replyKind.${kind}`) });
    }
    case 'reply.sent':
      return data.native === true ? t('activity.replyNative') : t('activity.replySent');
    case 'reply.failed': {
      const reason = text(data.reason);
      return reason === null ? t('activity.replyFailedUnknown') : t('activity.replyFailed', { reason });
    }
    case 'reply.retried':
      return t('activity.replyRetried', { actor });
    case 'note.created': {
      const mentioned = names(data.mentioned, context);
      return mentioned === null
        ? t('activity.note', { actor })
        : t('activity.noteMentioning', { actor, names: mentioned });
    }
    case 'sla.breached': {
      const due = text(data.dueAt);
      const target = data.target === 'next' ? 'next' : 'first';
      return t('activity.slaBreached', {
        target: t(`activity.slaTargetName.${target}`),
        time: due === null ? '–' : formatDeadline(due, context.locale),
      });
    }
    case 'reply.drafted':
      return t('approvals.activity.drafted', { actor });
    case 'reply.approved':
      return data.edited === true
        ? t('approvals.activity.approvedEdited', { actor })
        : t('approvals.activity.approved', { actor });
    case 'reply.edited_on_approval':
      return t('approvals.activity.editedOnApproval', { actor });
    case 'reply.rejected':
      return t('approvals.activity.rejected', { actor, reason: text(data.reason) ?? '–' });
    default:
      return t('activity.other', { actor, type: event.type });
  }
}

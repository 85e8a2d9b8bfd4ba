import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type ConversationDetail, PRIORITIES, type Priority, type UserDto } from '../../../../common/types';
import { formatDeadline, formatFullTimestamp } from '../../i18n/dateFormat';
import { describeError } from '../../i18n/describeError';
import { AssignPicker } from './AssignPicker';
import { SnoozeMenu } from './SnoozeMenu';
import { isSnoozed } from './snoozeTimes';
import { TagsEditor } from './TagsEditor';
import type { ConversationWorkflow } from './workflowQueries';

export type ActionMenu = 'assign' | 'snooze';

interface ConversationActionsProps {
  conversation: ConversationDetail;
  user: UserDto;
  workflow: ConversationWorkflow;
  /** Which menu is open; owned by the view so keyboard shortcuts can open them. */
  menu: ActionMenu | null;
  onMenuChange: (menu: ActionMenu | null) => void;
  now: number;
}

/** Claim, assign, snooze and status buttons in the conversation header. */
export function ConversationActions({
  conversation,
  user,
  workflow,
  menu,
  onMenuChange,
  now,
}: ConversationActionsProps) {
  const { t } = useTranslation();
  const { status, fields, assign, claim } = workflow;
  const resolved = conversation.status === 'resolved';
  const waiting = conversation.status === 'pending';
  const failed = [status, fields, assign, claim].find((mutation) => mutation.isError);
  const menuHandler = (which: ActionMenu) => (open: boolean) => onMenuChange(open ? which : null);

  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would bring form semantics to a toolbar
    <div className="view__actions" role="group" aria-label={t('actions.label')}>
      {failed !== undefined && (
        <span className="form-error" role="alert">
          {describeError(t, failed.error)}
        </span>
      )}
      {conversation.assigneeId !== user.id && (
        <button
          data-testid="action-claim"
          type="button"
          className="button"
          title={t('actions.claimTitle')}
          disabled={claim.isPending}
          onClick={() => claim.mutate()}
        >
          {t('actions.claim')}
        </button>
      )}
      <AssignPicker
        assigneeId={conversation.assigneeId}
        user={user}
        open={menu === 'assign'}
        onOpenChange={menuHandler('assign')}
        onAssign={(assigneeId) => assign.mutate(assigneeId)}
        busy={assign.isPending}
      />
      <SnoozeMenu
        snoozed={isSnoozed(conversation.snoozedUntil, now)}
        open={menu === 'snooze'}
        onOpenChange={menuHandler('snooze')}
        onSnooze={(snoozedUntil) => fields.mutate({ snoozedUntil })}
        busy={fields.isPending}
      />
      {resolved || waiting ? (
        <button
          data-testid="action-reopen"
          type="button"
          className="button button--ghost"
          disabled={status.isPending}
          onClick={() => status.mutate({ status: 'open' })}
        >
          {t('conversation.reopen')}
        </button>
      ) : (
        <button
          data-testid="action-pending"
          type="button"
          className="button"
          title={t('actions.pendingTitle')}
          disabled={status.isPending}
          onClick={() => status.mutate({ status: 'pending' })}
        >
          {t('actions.pending')}
        </button>
      )}
      <button
        data-testid="resolve-button"
        type="button"
        className="button"
        title={t('actions.resolveTitle')}
        disabled={resolved || status.isPending}
        onClick={() => status.mutate({ status: 'resolved' })}
      >
        {resolved
          ? t('conversation.resolved')
          : status.isPending
            ? t('conversation.resolving')
            : t('conversation.resolve')}
      </button>
    </div>
  );
}

interface ConversationToolbarProps {
  conversation: ConversationDetail;
  workflow: ConversationWorkflow;
  now: number;
}

/** Priority, tags and the snooze state, under the header. */
export function ConversationToolbar({ conversation, workflow, now }: ConversationToolbarProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const priorityId = useId();
  const { fields } = workflow;
  const snoozedUntil = isSnoozed(conversation.snoozedUntil, now) ? conversation.snoozedUntil : null;

  return (
    <div className="view__toolbar">
      <label className="visually-hidden" htmlFor={priorityId}>
        {t('actions.priority')}
      </label>
      <select
        id={priorityId}
        data-testid="action-priority"
        className={`select select--compact priority-select priority-select--${conversation.priority}`}
        title={t('actions.priority')}
        value={conversation.priority}
        onChange={(event) => fields.mutate({ priority: event.target.value as Priority })}
      >
        {PRIORITIES.map((priority) => (
          <option key={priority} value={priority}>
            {t(`priority.${priority}`)}
          </option>
        ))}
      </select>
      <TagsEditor tags={conversation.tags} onChange={(tags) => fields.mutate({ tags })} />
      {snoozedUntil !== null && (
        <span
          data-testid="conversation-snoozed"
          className="badge badge--snoozed"
          title={formatFullTimestamp(snoozedUntil, locale)}
        >
          {t('conversation.snoozedUntil', { time: formatDeadline(snoozedUntil, locale) })}
        </span>
      )}
    </div>
  );
}

import { type FormEvent, type KeyboardEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REJECT_REASON_MAX } from '../../../../common/approval';
import type { MessageDto } from '../../../../common/types';
import { describeError } from '../../i18n/describeError';
import { useApproveDraft, useRejectDraft } from './approvalQueries';

/** Who is looking at the draft: may they approve or reject it (never their own), and their signature. */
export interface DraftReviewer {
  userId: string;
  initials: string;
  /** Agents, leads and admins who do not need approval themselves. */
  mayReview: boolean;
}

interface DraftReviewProps {
  message: MessageDto;
  reviewer: DraftReviewer | null;
}

type Mode = 'idle' | 'edit' | 'reject';

/**
 * A draft's approval state in the thread (awaiting, approved by, rejected by with the reason) and, for
 * those who may review it, Approve / Edit & approve / Reject with a reason.
 */
export function DraftReview({ message, reviewer }: DraftReviewProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('idle');
  const [text, setText] = useState(message.text);
  const [reason, setReason] = useState('');
  const approve = useApproveDraft(message.conversationId, message.id);
  const reject = useRejectDraft(message.conversationId, message.id);
  const editId = useId();
  const reasonId = useId();
  const approval = message.approval;
  if (approval === null || approval === undefined) return null;

  const canReview =
    approval.state === 'pending' &&
    reviewer !== null &&
    reviewer.mayReview &&
    reviewer.userId !== message.authorUserId;
  const busy = approve.isPending || reject.isPending;
  const error = approve.error ?? reject.error;

  const close = () => {
    setMode('idle');
    approve.reset();
    reject.reset();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    close();
  };
  const submitEdit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '' || busy) return;
    approve.mutate(text.trim() === message.text ? undefined : text.trim());
  };
  const submitReject = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '' || busy) return;
    reject.mutate(reason.trim());
  };

  return (
    <div className="approval" data-testid="draft-approval" data-state={approval.state}>
      <div className="approval__status">
        <span data-testid="approval-state" className={`badge badge--approval-${approval.state}`}>
          {t(`approvals.state.${approval.state}`)}
        </span>
        {approval.state !== 'pending' && approval.byName !== null && (
          <span className="approval__by">
            {approval.state === 'approved'
              ? t('approvals.approvedBy', { name: approval.byName })
              : t('approvals.rejectedBy', { name: approval.byName })}
          </span>
        )}
        {approval.state === 'rejected' && approval.reason !== null && (
          <span data-testid="approval-reason" className="approval__reason" dir="auto">
            {t('approvals.reason', { reason: approval.reason })}
          </span>
        )}
      </div>
      {canReview && mode === 'idle' && (
        <fieldset className="approval__actions approval__fieldset">
          <legend className="visually-hidden">{t('approvals.review')}</legend>
          <button
            type="button"
            data-testid="approve-button"
            className="button button--small button--primary"
            disabled={busy}
            onClick={() => approve.mutate(undefined)}
          >
            {approve.isPending ? t('approvals.approving') : t('approvals.approve')}
          </button>
          <button
            type="button"
            data-testid="edit-approve-button"
            className="button button--small"
            disabled={busy}
            onClick={() => {
              setText(message.text);
              setMode('edit');
            }}
          >
            {t('approvals.editAndApprove')}
          </button>
          <button
            type="button"
            data-testid="reject-button"
            className="button button--small"
            disabled={busy}
            onClick={() => setMode('reject')}
          >
            {t('approvals.reject')}
          </button>
        </fieldset>
      )}
      {canReview && mode === 'edit' && (
        <form className="approval__form" onSubmit={submitEdit} onKeyDown={onKeyDown}>
          <label htmlFor={editId}>{t('approvals.editLabel')}</label>
          <textarea
            id={editId}
            data-testid="approve-edit-text"
            className="approval__text"
            dir="auto"
            rows={4}
            maxLength={10_000}
            // biome-ignore lint/a11y/noAutofocus: the editor opens on the agent's click; typing goes here.
            autoFocus
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <p className="approval__hint">
            {t('approvals.signedByApprover', { initials: reviewer?.initials ?? '' })}
          </p>
          <div className="approval__actions">
            <button
              type="submit"
              data-testid="approve-edited-button"
              className="button button--small button--primary"
              disabled={busy || text.trim() === ''}
            >
              {approve.isPending ? t('approvals.approving') : t('approvals.approveEdited')}
            </button>
            <button type="button" className="button button--small" onClick={close}>
              {t('approvals.cancel')}
            </button>
          </div>
        </form>
      )}
      {canReview && mode === 'reject' && (
        <form className="approval__form" onSubmit={submitReject} onKeyDown={onKeyDown}>
          <label htmlFor={reasonId}>{t('approvals.reasonLabel')}</label>
          <textarea
            id={reasonId}
            data-testid="reject-reason"
            className="approval__text"
            dir="auto"
            rows={2}
            maxLength={REJECT_REASON_MAX}
            // biome-ignore lint/a11y/noAutofocus: the reason box opens on the agent's click; typing goes here.
            autoFocus
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
          <div className="approval__actions">
            <button
              type="submit"
              data-testid="confirm-reject-button"
              className="button button--small button--danger"
              disabled={busy || reason.trim() === ''}
            >
              {reject.isPending ? t('approvals.rejecting') : t('approvals.confirmReject')}
            </button>
            <button type="button" className="button button--small" onClick={close}>
              {t('approvals.cancel')}
            </button>
          </div>
        </form>
      )}
      {error !== null && (
        <span className="approval__error" role="alert">
          {describeError(t, error)}
        </span>
      )}
    </div>
  );
}

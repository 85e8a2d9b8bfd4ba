import { useTranslation } from 'react-i18next';
import type { PendingDraftDto } from '../../../../common/types';
import { useHeaderPopover } from '../../components/useHeaderPopover';
import { describeError } from '../../i18n/describeError';
import { hashForConversation } from '../inbox/selectionHash';
import { usePendingDrafts } from './approvalQueries';

const ITEM_SELECTOR = '[data-testid="pending-draft"]';

/**
 * The header's "Drafts" button for agents and leads: how many drafts await approval (refreshed by every
 * conversation event) and a popover listing them, oldest first; picking one opens its conversation.
 */
export function DraftsMenu({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const { open, setOpen, wrapper, trigger, panel, panelId, titleId, onPanelKeyDown } =
    useHeaderPopover(ITEM_SELECTOR);
  const drafts = usePendingDrafts(enabled);
  const total = drafts.data?.total ?? 0;
  const items = drafts.data?.items ?? [];

  if (!enabled) return null;

  const openDraft = (draft: PendingDraftDto) => {
    setOpen(false);
    window.location.hash = hashForConversation(draft.conversationId);
  };
  return (
    <div className="notifications drafts-menu" ref={wrapper}>
      <button
        ref={trigger}
        type="button"
        data-testid="drafts-button"
        data-count={total}
        className="button button--ghost drafts-menu__button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        title={t('approvals.queue.title')}
        onClick={() => setOpen(!open)}
      >
        {t('approvals.queue.button')}
        <span className="visually-hidden">{`: ${t('approvals.queue.count', { count: total })}`}</span>
        {total > 0 && (
          <span data-testid="drafts-count" className="drafts-menu__count" aria-hidden="true">
            {total > 99 ? '99+' : total}
          </span>
        )}
      </button>
      {open && (
        <div
          ref={panel}
          id={panelId}
          data-testid="drafts-panel"
          className="notifications__panel"
          role="dialog"
          aria-labelledby={titleId}
          tabIndex={-1}
          onKeyDown={onPanelKeyDown}
        >
          <header className="notifications__header">
            <h2 id={titleId} className="notifications__title">
              {t('approvals.queue.title')}
            </h2>
          </header>
          {drafts.isPending && <p className="notifications__note">{t('approvals.queue.loading')}</p>}
          {drafts.isError && (
            <p className="notifications__note form-error" role="alert">
              {t('approvals.queue.error')} {describeError(t, drafts.error)}
            </p>
          )}
          {drafts.isSuccess && items.length === 0 && (
            <p className="notifications__note">{t('approvals.queue.empty')}</p>
          )}
          <ul className="notifications__list">
            {items.map((draft) => (
              <li key={draft.messageId}>
                <button
                  type="button"
                  data-testid="pending-draft"
                  data-conversation-id={draft.conversationId}
                  className="notification"
                  onClick={() => openDraft(draft)}
                >
                  <span className="notification__line">
                    {t('approvals.queue.entry', {
                      author: draft.authorName,
                      customer: draft.contactName || `@${draft.contactHandle}`,
                    })}
                    {': '}
                  </span>
                  <span className="notification__excerpt" dir="auto">
                    {draft.excerpt}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

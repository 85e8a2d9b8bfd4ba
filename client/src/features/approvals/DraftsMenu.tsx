import { useTranslation } from 'react-i18next';
import type { PendingDraftDto } from '../../../../common/types';
import { HeaderCount, HeaderPopoverPanel } from '../../components/HeaderPopoverPanel';
import { useHeaderPopover } from '../../components/useHeaderPopover';
import { hashForConversation } from '../inbox/selectionHash';
import { usePendingDrafts } from './approvalQueries';

const ITEM_SELECTOR = '[data-testid="pending-draft"]';

/**
 * The header's "Drafts" button for agents and leads: how many drafts await approval (refreshed by every
 * conversation event) and a popover listing them, oldest first; picking one opens its conversation.
 */
export function DraftsMenu({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const popover = useHeaderPopover(ITEM_SELECTOR);
  const { open, setOpen, wrapper, trigger, panelId } = popover;
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
        <HeaderCount count={total} testId="drafts-count" className="drafts-menu__count" />
      </button>
      {open && (
        <HeaderPopoverPanel
          popover={popover}
          testId="drafts-panel"
          title={t('approvals.queue.title')}
          query={drafts}
          empty={items.length === 0}
          notes={{
            loading: t('approvals.queue.loading'),
            error: t('approvals.queue.error'),
            empty: t('approvals.queue.empty'),
          }}
        >
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
        </HeaderPopoverPanel>
      )}
    </div>
  );
}

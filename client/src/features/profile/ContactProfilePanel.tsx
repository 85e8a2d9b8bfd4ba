import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../i18n/describeError';
import { useConversation } from '../inbox/inboxQueries';
import { ContactProfile } from './ContactProfile';
import { readPanelOpen, storePanelOpen } from './panelPreference';
import { useContactProfile } from './profileQueries';

/**
 * The customer's profile beside the open conversation: a side panel that can be collapsed to a narrow
 * strip (remembered in this browser), so the thread gets the room back when it is not needed.
 */
export function ContactProfilePanel({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(readPanelOpen);
  const conversation = useConversation(conversationId);
  const contactId = conversation.data?.conversation.contact.id ?? null;
  const profile = useContactProfile(open ? contactId : null);
  const titleId = useId();
  const bodyId = useId();

  const toggle = () => {
    storePanelOpen(!open);
    setOpen(!open);
  };

  return (
    <aside
      data-testid="profile-panel"
      className={open ? 'profile' : 'profile profile--collapsed'}
      aria-labelledby={titleId}
    >
      <div className="profile__header">
        <h2 id={titleId} className={open ? 'profile__title' : 'visually-hidden'}>
          {t('profile.title')}
        </h2>
        <button
          type="button"
          data-testid="profile-toggle"
          className="button button--small button--ghost profile__toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          title={open ? t('profile.hide') : t('profile.show')}
          onClick={toggle}
        >
          <span aria-hidden="true">{open ? '›' : '‹'}</span>
          <span className="visually-hidden">{open ? t('profile.hide') : t('profile.show')}</span>
        </button>
      </div>
      <div id={bodyId} className="profile__body" hidden={!open}>
        {open && profile.isPending && <p className="profile__note">{t('profile.loading')}</p>}
        {open && profile.isError && (
          <p className="profile__note form-error" role="alert">
            {t('profile.error')} {describeError(t, profile.error)}
          </p>
        )}
        {open && profile.data !== undefined && (
          <ContactProfile
            key={profile.data.contact.id}
            profile={profile.data}
            currentConversationId={conversationId}
          />
        )}
      </div>
    </aside>
  );
}

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactConversationDto, ContactProfileResponse } from '../../../../common/types';
import { ExternalLink } from '../../components/ExternalLink';
import { PlatformBadge } from '../../components/PlatformBadge';
import { formatFullTimestamp, formatMessageTime } from '../../i18n/dateFormat';
import { safeHttpUrl } from '../inbox/content/safeUrl';
import { hashForConversation } from '../inbox/selectionHash';
import { formatDuration } from '../inbox/waitingTime';

interface ContactProfileProps {
  profile: ContactProfileResponse;
  /** The conversation open beside the profile; marked in the list. */
  currentConversationId: string;
}

/** Who the customer is, and every conversation they had with the brand (newest first). */
export function ContactProfile({ profile, currentConversationId }: ContactProfileProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const { contact, conversations, totalConversations } = profile;
  const conversationsTitle = useId();
  // A picture that does not load (deleted, offline) falls back to the initial rather than a broken image.
  const [avatarFailed, setAvatarFailed] = useState(false);
  const avatar = avatarFailed ? null : safeHttpUrl(contact.avatarUrl);
  const profileUrl = safeHttpUrl(contact.profileUrl);

  return (
    <div className="profile__content">
      <div className="profile__who">
        {avatar !== null ? (
          <img
            className="profile__avatar"
            src={avatar}
            alt=""
            width={40}
            height={40}
            referrerPolicy="no-referrer"
            onError={() => setAvatarFailed(true)}
          />
        ) : (
          <span className="profile__avatar profile__avatar--empty" aria-hidden="true">
            {(contact.name || contact.handle).slice(0, 1).toUpperCase()}
          </span>
        )}
        <div className="profile__names">
          <h3 className="profile__name" data-testid="profile-name">
            <bdi>{contact.name || contact.handle}</bdi>
            {contact.verified && (
              <span className="profile__verified" title={t('profile.verifiedYes')}>
                <span aria-hidden="true">✓</span>
                <span className="visually-hidden">{t('profile.verifiedYes')}</span>
              </span>
            )}
          </h3>
          {contact.handle !== '' && <span className="profile__handle">@{contact.handle}</span>}
        </div>
        <PlatformBadge platform={contact.platform} />
      </div>
      <dl className="profile__facts">
        <dt>{t('profile.followers')}</dt>
        <dd data-testid="profile-followers">
          {contact.followersCount === null
            ? t('profile.unknown')
            : new Intl.NumberFormat(locale).format(contact.followersCount)}
        </dd>
        <dt>{t('profile.verified')}</dt>
        <dd>{contact.verified ? t('profile.verifiedYes') : t('profile.verifiedNo')}</dd>
        <dt>{t('profile.firstSeen')}</dt>
        <dd>
          <time dateTime={contact.firstSeenAt} title={formatFullTimestamp(contact.firstSeenAt, locale)}>
            {formatMessageTime(contact.firstSeenAt, locale)}
          </time>
        </dd>
      </dl>
      {profileUrl !== null && (
        <ExternalLink href={profileUrl} className="profile__link" testId="profile-link">
          {t('profile.openProfile', { platform: t(`platform.${contact.platform}`) })}
        </ExternalLink>
      )}

      <h3 id={conversationsTitle} className="profile__section">
        {t('profile.conversations')}
      </h3>
      <p className="profile__count" data-testid="profile-total">
        {t('profile.conversationCount', { count: totalConversations })}
        {totalConversations > conversations.length &&
          `, ${t('profile.showingNewest', { count: conversations.length })}`}
      </p>
      {conversations.length === 0 ? (
        <p className="profile__note">{t('profile.none')}</p>
      ) : (
        <ol className="profile__conversations" aria-labelledby={conversationsTitle}>
          {conversations.map((c) => (
            <PastConversation
              key={c.id}
              conversation={c}
              current={c.id === currentConversationId}
              locale={locale}
            />
          ))}
        </ol>
      )}
    </div>
  );
}

function PastConversation({
  conversation: c,
  current,
  locale,
}: {
  conversation: ContactConversationDto;
  current: boolean;
  locale: string;
}) {
  const { t } = useTranslation();
  const created = formatMessageTime(c.createdAt, locale);
  return (
    <li
      className={current ? 'past past--current' : 'past'}
      data-testid="profile-conversation"
      data-conversation-id={c.id}
      data-outcome={c.outcome}
    >
      {/* A link: it navigates (the inbox follows the hash), and the back button returns. */}
      <a
        className="past__link"
        href={hashForConversation(c.id)}
        aria-current={current ? 'page' : undefined}
        aria-label={t('profile.openConversation', { time: created, snippet: c.snippet })}
      >
        <span className="past__top">
          <span className={`pill pill--outcome-${c.outcome}`}>{t(`profile.outcome.${c.outcome}`)}</span>
          <time dateTime={c.createdAt} title={formatFullTimestamp(c.createdAt, locale)}>
            {created}
          </time>
          {current && <span className="past__current">{t('profile.current')}</span>}
        </span>
        <span className="past__snippet" dir="auto">
          {c.snippet}
        </span>
      </a>
      <ul className="past__meta">
        <li>{t('profile.via', { handle: c.accountHandle })}</li>
        <li>
          {c.firstResponseMs === null
            ? t('profile.noResponse')
            : t('profile.firstResponse', { duration: formatDuration(c.firstResponseMs, locale, 'short') })}
        </li>
        {c.resolvedAt !== null && (
          <li>{t('profile.resolvedAt', { time: formatMessageTime(c.resolvedAt, locale) })}</li>
        )}
        <li>
          {t('profile.messages', {
            inbound: c.messageCounts.inbound,
            outbound: c.messageCounts.outbound,
            notes: c.messageCounts.notes,
          })}
        </li>
        <li>
          {c.assigneeName === null
            ? t('profile.unassigned')
            : t('profile.assignee', { name: c.assigneeName })}
        </li>
        {c.tags.length > 0 && <li className="past__tags">{c.tags.map((tag) => `#${tag}`).join(' ')}</li>}
      </ul>
    </li>
  );
}

import { useTranslation } from 'react-i18next';
import type { ReplyOption } from '../../../../common/types';
import { formatDeadline, formatFullTimestamp, localizeTimestamps } from '../../i18n/dateFormat';
import { replyWindowState } from './replyOptions';
import { formatDuration } from './waitingTime';

interface ReplyWindowProps {
  id: string;
  /** The option to explain; null when the conversation offers no way to reply at all. */
  option: ReplyOption | null;
  now: number;
}

/**
 * The line above the reply box that says what limits the selected reply kind: the server's reason (e.g.
 * Messenger's 24-hour window and the HUMAN_AGENT tag), until when a reply is possible with a live
 * countdown, or why it is not possible. Renders nothing for a kind without limits (an X public reply).
 */
export function ReplyWindow({ id, option, now }: ReplyWindowProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';

  if (option === null) {
    return (
      <p id={id} data-testid="composer-window" className="composer__window composer__window--blocked">
        {t('composer.window.none')}
      </p>
    );
  }

  const state = replyWindowState(option, now);
  if (state.allowed && option.reason === null && option.until === null) return null;

  const until = option.until;
  const parts: string[] = [];
  if (option.reason !== null) parts.push(localizeTimestamps(option.reason, locale));
  if (until !== null && state.expired) {
    parts.push(t('composer.window.closedAt', { time: formatDeadline(until, locale) }));
  } else if (until !== null && state.allowed) {
    parts.push(t('composer.window.until', { time: formatDeadline(until, locale) }));
  } else if (option.reason === null) {
    parts.push(t('composer.window.notAllowed'));
  }

  return (
    <p
      id={id}
      data-testid="composer-window"
      data-kind={option.kind}
      data-allowed={state.allowed}
      className={`composer__window${state.allowed ? '' : ' composer__window--blocked'}`}
      title={until === null ? undefined : formatFullTimestamp(until, locale)}
    >
      <span dir="auto">{parts.join(' · ')}</span>
      {state.allowed && state.remainingMs !== null && (
        <span data-testid="composer-window-left" className="composer__countdown">
          {t('composer.window.left', { duration: formatDuration(state.remainingMs, locale, 'short') })}
        </span>
      )}
    </p>
  );
}

import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary, UserDto } from '../../../../common/types';
import { signReply } from '../../../../common/xText';
import { newIdempotencyKey } from '../../components/newIdempotencyKey';
import { describeError } from '../../i18n/describeError';
import { useSendReply } from './inboxQueries';
import { attemptFor, type ReplyAttempt, unresolvedAfterFailure } from './replyAttempt';
import { isNearLimit, replyLength } from './replyLimits';

interface ComposerProps {
  conversation: Pick<ConversationSummary, 'id' | 'platform' | 'accountHandle'>;
  user: UserDto;
}

/**
 * Public reply box. Everything is measured on the text as it will be posted, i.e. with the agent's
 * signature appended by the server, so "fits" here means it fits on the platform.
 */
export function Composer({ conversation, user }: ComposerProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const [text, setText] = useState('');
  // A send whose outcome is unknown; sending the same text again reuses its idempotency key.
  const unresolved = useRef<ReplyAttempt | null>(null);
  const send = useSendReply(conversation.id);

  const signature = `^${user.initials}`;
  const length = replyLength(conversation.platform, signReply(text, user.initials));
  const blank = text.trim() === '';
  const canSend = !blank && length.valid && !send.isPending;

  const submit = () => {
    if (!canSend) return;
    const attempt = attemptFor(unresolved.current, conversation.id, text, newIdempotencyKey);
    unresolved.current = attempt;
    send.mutate(
      { text: attempt.text, idempotencyKey: attempt.idempotencyKey },
      {
        onSuccess: () => {
          unresolved.current = null;
          setText('');
        },
        onError: (error) => {
          unresolved.current = unresolvedAfterFailure(attempt, error);
        },
      },
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // isComposing: Enter that confirms an IME candidate (Japanese, Chinese input) must not send.
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  const counterClass =
    !length.valid && !blank
      ? 'counter counter--over'
      : isNearLimit(length)
        ? 'counter counter--near'
        : 'counter';

  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label className="visually-hidden" htmlFor={inputId}>
        {t('composer.label')}
      </label>
      <textarea
        id={inputId}
        data-testid="composer-input"
        className="composer__input"
        dir="auto"
        rows={4}
        placeholder={t('composer.placeholder')}
        value={text}
        // Read-only while sending: the box is cleared on success, which would eat anything typed meanwhile.
        readOnly={send.isPending}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {send.isError && (
        <p className="form-error" role="alert">
          {describeError(t, send.error)}
        </p>
      )}
      <div className="composer__bar">
        <span className="composer__preview">
          {t('composer.signature', { signature, handle: conversation.accountHandle })}
        </span>
        {length.remaining < 0 && (
          <span className="counter counter--over">
            {t('composer.overLimit', { count: -length.remaining })}
          </span>
        )}
        <span data-testid="composer-counter" className={counterClass} title={t('composer.counterTitle')}>
          {`${length.length} / ${length.max}`}
        </span>
        <button
          data-testid="composer-send"
          type="submit"
          className="button button--primary"
          disabled={!canSend}
        >
          {send.isPending ? t('composer.sending') : t('composer.send')}
        </button>
      </div>
    </form>
  );
}

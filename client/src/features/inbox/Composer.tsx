import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary, MessageChannel, UserDto } from '../../../../common/types';
import { signReply } from '../../../../common/xText';
import { newIdempotencyKey } from '../../components/newIdempotencyKey';
import { describeError } from '../../i18n/describeError';
import { ChannelSwitch } from './ChannelSwitch';
import { useSendReply } from './inboxQueries';
import { attemptFor, type ReplyAttempt, unresolvedAfterFailure } from './replyAttempt';
import { isNearLimit, replyLength } from './replyLimits';

interface ComposerProps {
  conversation: Pick<ConversationSummary, 'id' | 'platform' | 'accountHandle' | 'contact'>;
  user: UserDto;
  /** Channel to start on (see defaultReplyChannel); followed until the agent picks or starts typing. */
  defaultChannel: MessageChannel;
}

/**
 * Reply box for a public reply or a direct message. Everything is measured on the text as it will be
 * sent, i.e. with the agent's signature appended by the server, so "fits" here means it fits on the
 * platform's limit for that channel.
 */
export function Composer({ conversation, user, defaultChannel }: ComposerProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const [text, setText] = useState('');
  // Null until the agent chooses; a DM arriving meanwhile then still moves an untouched composer to DM.
  const [pickedChannel, setPickedChannel] = useState<MessageChannel | null>(null);
  // A send whose outcome is unknown; sending the same reply again reuses its idempotency key.
  const unresolved = useRef<ReplyAttempt | null>(null);
  const send = useSendReply(conversation.id);

  const channel = pickedChannel ?? defaultChannel;
  const customer = conversation.contact.handle;
  const signature = `^${user.initials}`;
  const length = replyLength(conversation.platform, signReply(text, user.initials), channel);
  const blank = text.trim() === '';
  const canSend = !blank && length.valid && !send.isPending;

  const submit = () => {
    if (!canSend) return;
    const attempt = attemptFor(
      unresolved.current,
      { conversationId: conversation.id, channel, text },
      newIdempotencyKey,
    );
    unresolved.current = attempt;
    send.mutate(
      { text: attempt.text, channel: attempt.channel, idempotencyKey: attempt.idempotencyKey },
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
      className={`composer composer--${channel}`}
      data-channel={channel}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="composer__top">
        <ChannelSwitch value={channel} onChange={setPickedChannel} disabled={send.isPending} />
      </div>
      <label className="visually-hidden" htmlFor={inputId}>
        {channel === 'dm' ? t('composer.dmLabel', { customer }) : t('composer.label')}
      </label>
      <textarea
        id={inputId}
        data-testid="composer-input"
        className="composer__input"
        dir="auto"
        rows={4}
        placeholder={channel === 'dm' ? t('composer.dmPlaceholder', { customer }) : t('composer.placeholder')}
        value={text}
        // Read-only while sending: the box is cleared on success, which would eat anything typed meanwhile.
        readOnly={send.isPending}
        onChange={(event) => {
          // Typing fixes the channel: a DM arriving mid-draft must not redirect a public reply, or vice versa.
          if (pickedChannel === null) setPickedChannel(channel);
          setText(event.target.value);
        }}
        onKeyDown={onKeyDown}
      />
      {send.isError && (
        <p className="form-error" role="alert">
          {describeError(t, send.error)}
        </p>
      )}
      <div className="composer__bar">
        <span data-testid="composer-preview" className="composer__preview">
          {channel === 'dm'
            ? t('composer.dmSignature', { signature, customer })
            : t('composer.signature', { signature, handle: conversation.accountHandle })}
        </span>
        {length.remaining < 0 && (
          <span className="counter counter--over">
            {t('composer.overLimit', { count: -length.remaining })}
          </span>
        )}
        <span
          data-testid="composer-counter"
          className={counterClass}
          title={channel === 'dm' ? t('composer.dmCounterTitle') : t('composer.counterTitle')}
        >
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

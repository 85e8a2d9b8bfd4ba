import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary, ReplyKind, ReplyOption, UserDto } from '../../../../common/types';
import { signReply } from '../../../../common/xText';
import { newIdempotencyKey } from '../../components/newIdempotencyKey';
import { useNow } from '../../components/useNow';
import { describeError } from '../../i18n/describeError';
import { ChannelSwitch } from './ChannelSwitch';
import { composerText } from './composerText';
import { useSendReply } from './inboxQueries';
import { ReplyWindow } from './ReplyWindow';
import { attemptFor, type ReplyAttempt, unresolvedAfterFailure } from './replyAttempt';
import { isNearLimit, optionLength } from './replyLimits';
import { currentReplyKind, replyWindowState } from './replyOptions';

// The countdown shows minutes; a quarter-minute tick keeps it (and a window closing) close to the truth.
const WINDOW_TICK_MS = 15_000;

interface ComposerProps {
  conversation: Pick<ConversationSummary, 'id' | 'accountHandle' | 'contact'>;
  user: UserDto;
  /** The reply kinds the server offers right now, in display order (see replyOptionsOf). */
  replyOptions: ReplyOption[];
  /** Kind to start on (see defaultReplyKind); followed until the agent picks or starts typing. */
  defaultKind: ReplyKind | null;
}

/**
 * Reply box for a public reply, a direct message or a Facebook private reply, as far as the server says
 * each is possible right now. Everything is measured on the text as it will be sent, i.e. with the
 * agent's signature appended by the server, against the selected kind's own limit.
 */
export function Composer({ conversation, user, replyOptions, defaultKind }: ComposerProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const windowId = useId();
  const now = useNow(WINDOW_TICK_MS);
  const [text, setText] = useState('');
  // Null until the agent chooses; a DM arriving meanwhile then still moves an untouched composer to DM.
  const [pickedKind, setPickedKind] = useState<ReplyKind | null>(null);
  const [previewKind, setPreviewKind] = useState<ReplyKind | null>(null);
  // A send whose outcome is unknown; sending the same reply again reuses its idempotency key.
  const unresolved = useRef<ReplyAttempt | null>(null);
  const send = useSendReply(conversation.id);

  const kind = currentReplyKind(pickedKind, defaultKind, replyOptions);
  const option = replyOptions.find((candidate) => candidate.kind === kind) ?? null;
  const explained = replyOptions.find((candidate) => candidate.kind === previewKind) ?? option;
  const switchOptions = replyOptions.map((candidate) => ({
    ...candidate,
    allowed: replyWindowState(candidate, now).allowed,
  }));
  const allowed = option !== null && replyWindowState(option, now).allowed;
  const copy = composerText(t, kind, option, {
    customer: conversation.contact.handle,
    accountHandle: conversation.accountHandle,
    signature: `^${user.initials}`,
  });
  const length = option === null ? null : optionLength(option, signReply(text, user.initials));
  const blank = text.trim() === '';
  const canSend = allowed && !blank && length?.valid === true && !send.isPending;

  const submit = () => {
    if (!canSend || kind === null) return;
    const attempt = attemptFor(
      unresolved.current,
      { conversationId: conversation.id, channel: kind, text },
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
    length === null
      ? 'counter'
      : !length.valid && !blank
        ? 'counter counter--over'
        : isNearLimit(length)
          ? 'counter counter--near'
          : 'counter';

  return (
    <form
      className={`composer composer--${kind ?? 'none'}`}
      data-channel={kind ?? undefined}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {replyOptions.length > 0 && (
        <div className="composer__top">
          <ChannelSwitch
            options={switchOptions}
            value={kind}
            onChange={setPickedKind}
            onPreview={setPreviewKind}
            describedBy={windowId}
            disabled={send.isPending}
          />
        </div>
      )}
      <ReplyWindow id={windowId} option={explained} now={now} />
      <label className="visually-hidden" htmlFor={inputId}>
        {copy.label}
      </label>
      <textarea
        id={inputId}
        data-testid="composer-input"
        className="composer__input"
        dir="auto"
        rows={4}
        placeholder={copy.placeholder}
        value={text}
        // Read-only while sending: the box is cleared on success, which would eat anything typed meanwhile.
        readOnly={send.isPending}
        onChange={(event) => {
          // Typing fixes the kind: a DM arriving mid-draft must not redirect a public reply, or vice versa.
          if (pickedKind === null && kind !== null) setPickedKind(kind);
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
          {copy.preview}
        </span>
        {length !== null && length.remaining < 0 && (
          <span className="counter counter--over">
            {t('composer.overLimit', { count: -length.remaining })}
          </span>
        )}
        {length !== null && (
          <span data-testid="composer-counter" className={counterClass} title={copy.counterTitle}>
            {`${length.length} / ${length.max}`}
          </span>
        )}
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

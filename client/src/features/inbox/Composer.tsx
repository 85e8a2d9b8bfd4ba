import {
  type KeyboardEvent,
  type Ref,
  useId,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary, ReplyKind, ReplyOption, UserDto } from '../../../../common/types';
import { signReply } from '../../../../common/xText';
import { useNow } from '../../components/useNow';
import { describeError } from '../../i18n/describeError';
import { ChannelSwitch, type ComposerChannel } from './ChannelSwitch';
import { composerText } from './composerText';
import { isSendShortcut } from './keymap';
import { MentionList, useMentionSuggestions } from './MentionSuggestions';
import { applyMention } from './mentions';
import { ReplyWindow } from './ReplyWindow';
import { isNearLimit, optionLength } from './replyLimits';
import { currentReplyKind, replyWindowState } from './replyOptions';
import { TakeoverConfirm } from './TakeoverConfirm';
import { useComposerSend } from './useComposerSend';

// The countdown shows minutes; a quarter-minute tick keeps it (and a window closing) close to the truth.
const WINDOW_TICK_MS = 15_000;

export type ComposerMode = 'reply' | 'note';

/** What the inbox's keyboard shortcuts can ask of the composer. */
export interface ComposerHandle {
  focus(mode: ComposerMode): void;
  /** Closes the mention suggestions or the takeover question; true when one was open. */
  closeOverlays(): boolean;
}

interface ComposerProps {
  conversation: Pick<ConversationSummary, 'id' | 'accountHandle' | 'contact' | 'assigneeName'>;
  user: UserDto;
  /** The reply kinds the server offers right now, in display order (see replyOptionsOf). */
  replyOptions: ReplyOption[];
  /** Kind to start on (see defaultReplyKind); followed until the agent picks or starts typing. */
  defaultKind: ReplyKind | null;
  controlRef?: Ref<ComposerHandle>;
}

/**
 * Reply box for a public reply, a direct message or a Facebook private reply, as far as the server says
 * each is possible right now, or for an internal note to colleagues (with @mentions). Replies are measured
 * on the text as it will be sent, i.e. with the agent's signature appended by the server, against the
 * selected kind's own limit.
 */
export function Composer({ conversation, user, replyOptions, defaultKind, controlRef }: ComposerProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const windowId = useId();
  const mentionsId = useId();
  const input = useRef<HTMLTextAreaElement>(null);
  const now = useNow(WINDOW_TICK_MS);
  const [text, setText] = useState('');
  // Null until the agent chooses; a DM arriving meanwhile then still moves an untouched composer to DM.
  const [pickedKind, setPickedKind] = useState<ReplyKind | null>(null);
  const [previewKind, setPreviewKind] = useState<ReplyKind | null>(null);
  const [noteMode, setNoteMode] = useState(false);
  // Where the caret is while the box has focus (null otherwise), for @mention suggestions.
  const [caret, setCaret] = useState<number | null>(null);
  const nextCaret = useRef<number | null>(null);
  const sender = useComposerSend(conversation.id);
  const mentions = useMentionSuggestions(text, caret, noteMode, user.id);

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
  const length = option === null || noteMode ? null : optionLength(option, signReply(text, user.initials));
  const blank = text.trim() === '';
  const pending = noteMode ? sender.notePending : sender.replyPending;
  const waitingForTakeover = sender.takeover !== null;
  const canSend = noteMode
    ? !blank && !pending
    : allowed && !blank && length?.valid === true && !pending && !waitingForTakeover;
  const error = noteMode ? sender.noteError : sender.replyError;
  const channel: ComposerChannel | null = noteMode ? 'note' : kind;

  // After inserting a mention, put the caret behind it (React has just replaced the text).
  useLayoutEffect(() => {
    if (nextCaret.current === null || input.current === null) return;
    input.current.setSelectionRange(nextCaret.current, nextCaret.current);
    nextCaret.current = null;
  });

  useImperativeHandle(controlRef, () => ({
    focus: (mode) => {
      setNoteMode(mode === 'note');
      input.current?.focus();
    },
    closeOverlays: () => {
      if (sender.takeover !== null) {
        sender.cancelTakeover();
        return true;
      }
      if (!mentions.open) return false;
      mentions.dismiss();
      return true;
    },
  }));

  const cleared = () => setText('');

  const submit = () => {
    if (!canSend) return;
    if (noteMode) sender.sendNote(text, cleared);
    else if (kind !== null)
      sender.sendReply({ conversationId: conversation.id, channel: kind, text }, cleared);
  };

  const pickMention = (colleague: UserDto) => {
    if (mentions.mention === null || caret === null) return;
    const next = applyMention(text, mentions.mention, caret, colleague);
    nextCaret.current = next.caret;
    setText(next.text);
    setCaret(next.caret);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const composing = event.nativeEvent.isComposing;
    if (mentions.open && !composing) {
      const picked = mentions.suggestions[mentions.active];
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        mentions.move(event.key === 'ArrowDown' ? 1 : -1);
        return;
      }
      if ((event.key === 'Enter' || event.key === 'Tab') && !event.ctrlKey && !event.metaKey && picked) {
        event.preventDefault();
        pickMention(picked);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        mentions.dismiss();
        return;
      }
    }
    const press = { key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey };
    if (isSendShortcut({ ...press, isComposing: composing })) {
      event.preventDefault();
      submit();
    }
  };

  const trackCaret = (element: HTMLTextAreaElement) => setCaret(element.selectionEnd);

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
      className={`composer composer--${channel ?? 'none'}`}
      data-channel={channel ?? undefined}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="composer__top">
        <ChannelSwitch
          options={switchOptions}
          value={channel}
          onChange={(picked) => {
            setNoteMode(picked === 'note');
            if (picked !== 'note') setPickedKind(picked);
          }}
          onPreview={setPreviewKind}
          describedBy={noteMode ? undefined : windowId}
          disabled={pending || waitingForTakeover}
        />
      </div>
      {!noteMode && <ReplyWindow id={windowId} option={explained} now={now} />}
      <label className="visually-hidden" htmlFor={inputId}>
        {noteMode ? t('composer.noteLabel') : copy.label}
      </label>
      <div className="composer__field">
        <MentionList id={mentionsId} state={mentions} onPick={pickMention} />
        <textarea
          ref={input}
          id={inputId}
          data-testid="composer-input"
          className="composer__input"
          dir="auto"
          rows={4}
          placeholder={noteMode ? t('composer.notePlaceholder') : copy.placeholder}
          value={text}
          // Read-only while sending (the box is cleared on success, which would eat anything typed meanwhile)
          // and while the takeover question is open (the confirmed resend must be the same text).
          readOnly={pending || waitingForTakeover}
          aria-autocomplete={noteMode ? 'list' : undefined}
          aria-controls={mentions.open ? mentionsId : undefined}
          aria-activedescendant={mentions.open ? `${mentionsId}-${mentions.active}` : undefined}
          onChange={(event) => {
            // Typing fixes the kind: a DM arriving mid-draft must not redirect a public reply, or vice versa.
            if (pickedKind === null && kind !== null) setPickedKind(kind);
            setText(event.target.value);
            trackCaret(event.target);
          }}
          onSelect={(event) => trackCaret(event.currentTarget)}
          onFocus={(event) => trackCaret(event.currentTarget)}
          onBlur={() => setCaret(null)}
          onKeyDown={onKeyDown}
        />
      </div>
      {sender.takeover !== null && (
        <TakeoverConfirm
          assigneeName={conversation.assigneeName}
          serverMessage={sender.takeover.serverMessage}
          onConfirm={() => sender.confirmTakeover(cleared)}
          onCancel={() => {
            sender.cancelTakeover();
            input.current?.focus();
          }}
        />
      )}
      {error !== null && (
        <p className="form-error" role="alert">
          {describeError(t, error)}
        </p>
      )}
      <div className="composer__bar">
        <span data-testid="composer-preview" className="composer__preview">
          {noteMode ? t('composer.notePreview') : copy.preview}
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
          className={noteMode ? 'button button--note' : 'button button--primary'}
          disabled={!canSend}
        >
          {noteMode
            ? pending
              ? t('composer.savingNote')
              : t('composer.addNote')
            : pending
              ? t('composer.sending')
              : t('composer.send')}
        </button>
      </div>
    </form>
  );
}

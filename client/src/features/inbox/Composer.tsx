import type { TFunction } from 'i18next';
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
import type {
  AttachmentDto,
  ConversationSummary,
  ReplyKind,
  ReplyOption,
  UserDto,
} from '../../../../common/types';
import { signReply } from '../../../../common/xText';
import { InlineConfirm } from '../../components/InlineConfirm';
import { useNow } from '../../components/useNow';
import { describeError } from '../../i18n/describeError';
import type { Colleague } from '../../realtime/presenceState';
import { useRealtimeLink } from '../../realtime/RealtimeContext';
import { CannedManager } from '../canned/CannedManager';
import { CannedPicker } from '../canned/CannedPicker';
import { type CannedInsert, useCannedPicker } from '../canned/useCannedPicker';
import { ChannelSwitch, type ComposerChannel } from './ChannelSwitch';
import { composerText } from './composerText';
import { isSendShortcut } from './keymap';
import { MentionList, useMentionSuggestions } from './MentionSuggestions';
import { applyMention } from './mentions';
import { ReplyAttachment } from './ReplyAttachment';
import { ReplyWindow } from './ReplyWindow';
import { isNearLimit, optionLength } from './replyLimits';
import { currentReplyKind, replyWindowState } from './replyOptions';
import { TakeoverConfirm } from './TakeoverConfirm';
import { useComposerDraft, useDraftAutosave } from './useComposerDraft';
import { useComposerSend } from './useComposerSend';

// The countdown shows minutes; a quarter-minute tick keeps it (and a window closing) close to the truth.
const WINDOW_TICK_MS = 15_000;

export type ComposerMode = 'reply' | 'note';

/** What the inbox's keyboard shortcuts can ask of the composer. */
export interface ComposerHandle {
  focus(mode: ComposerMode): void;
  /** Closes the canned responses, mention suggestions or the takeover question; true when one was open. */
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
  /** Colleagues typing in this conversation right now: sending a reply then needs a second thought. */
  colleaguesReplying?: readonly Colleague[];
}

/**
 * Reply box for a public reply, a direct message or a Facebook private reply, as far as the server says
 * each is possible right now, or for an internal note to colleagues (with @mentions). Replies are measured
 * on the text as it will be sent, i.e. with the agent's signature appended by the server, against the
 * selected kind's own limit.
 */
export function Composer({
  conversation,
  user,
  replyOptions,
  defaultKind,
  controlRef,
  colleaguesReplying = [],
}: ComposerProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const windowId = useId();
  const mentionsId = useId();
  const cannedId = useId();
  const input = useRef<HTMLTextAreaElement>(null);
  const now = useNow(WINDOW_TICK_MS);
  // The text and channel of a draft left in this conversation (kept across reloads, per user).
  const draft = useComposerDraft(user.id, conversation.id);
  const [text, setText] = useState(draft.initial?.text ?? '');
  // Null until the agent chooses; a DM arriving meanwhile then still moves an untouched composer to DM.
  const [pickedKind, setPickedKind] = useState<ReplyKind | null>(() => {
    const channel = draft.initial?.channel ?? null;
    return channel === null || channel === 'note' ? null : channel;
  });
  const [previewKind, setPreviewKind] = useState<ReplyKind | null>(null);
  const [noteMode, setNoteMode] = useState(draft.initial?.channel === 'note');
  const [attachment, setAttachment] = useState<AttachmentDto | null>(null);
  const [managing, setManaging] = useState(false);
  // Where the caret is while the box has focus (null otherwise), for @mention suggestions.
  const [caret, setCaret] = useState<number | null>(null);
  const nextCaret = useRef<number | null>(null);
  const sender = useComposerSend(conversation.id);
  const { reporter } = useRealtimeLink();
  // "Ben is replying. Send anyway?" is open: holds the names it asked about.
  const [replyingPrompt, setReplyingPrompt] = useState<string | null>(null);
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
    // A draft is signed by whoever approves it.
    signature: user.requiresApproval === true ? t('approvals.approverSignature') : `^${user.initials}`,
  });
  const length = option === null || noteMode ? null : optionLength(option, signReply(text, user.initials));
  const blank = text.trim() === '';
  const pending = noteMode ? sender.notePending : sender.replyPending;
  // The confirmed send must be the very text the question was about.
  const waitingForTakeover = sender.takeover !== null || replyingPrompt !== null;
  const canSend = noteMode
    ? !blank && !pending
    : allowed && !blank && length?.valid === true && !pending && !waitingForTakeover;
  const error = noteMode ? sender.noteError : sender.replyError;
  const channel: ComposerChannel | null = noteMode ? 'note' : kind;
  const attachmentRule = noteMode ? undefined : option?.attachments;
  const attachmentId = attachmentRule?.allowed === true && attachment !== null ? attachment.id : undefined;

  // An untouched channel is not pinned: the default may still move (e.g. to DM) when the draft comes back.
  const forgetDraft = useDraftAutosave(
    draft.storage,
    user.id,
    conversation.id,
    text,
    pickedKind === null && !noteMode ? null : channel,
  );

  const insertCanned = (insert: CannedInsert) => {
    if (pickedKind === null && kind !== null) setPickedKind(kind);
    nextCaret.current = insert.caret;
    setText(insert.text);
    setCaret(insert.caret);
    input.current?.focus();
  };
  const canned = useCannedPicker({
    text,
    caret,
    enabled: !pending && !waitingForTakeover,
    values: {
      customer: { name: conversation.contact.name, handle: conversation.contact.handle },
      agent: { name: user.name, initials: user.initials },
    },
    onInsert: insertCanned,
  });
  const selection = () =>
    input.current === null
      ? { from: text.length, to: text.length }
      : { from: input.current.selectionStart, to: input.current.selectionEnd };

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
      if (replyingPrompt !== null) {
        setReplyingPrompt(null);
        return true;
      }
      if (canned.state.open) {
        canned.state.close();
        return true;
      }
      if (!mentions.open) return false;
      mentions.dismiss();
      return true;
    },
  }));

  const cleared = () => {
    setText('');
    if (!noteMode) reporter.stopTyping();
    setAttachment(null);
    canned.clearNotice();
    forgetDraft();
  };

  const sendReply = () => {
    if (kind === null) return;
    sender.sendReply(
      {
        conversationId: conversation.id,
        channel: kind,
        text,
        ...(attachmentId !== undefined ? { attachmentId } : {}),
      },
      cleared,
    );
  };

  const submit = () => {
    if (!canSend || replyingPrompt !== null) return;
    if (noteMode) sender.sendNote(text, cleared);
    else if (colleaguesReplying.length > 0)
      setReplyingPrompt(colleaguesReplying.map((colleague) => colleague.name).join(', '));
    else sendReply();
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
    const cannedPress = {
      key: event.key,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      isComposing: composing,
    };
    if (canned.handleKey(cannedPress, selection())) {
      event.preventDefault();
      // Escape closed the picker: it must not also close the conversation's menus.
      event.stopPropagation();
      return;
    }
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
        <button
          type="button"
          data-testid="composer-canned-button"
          className="button button--ghost button--small"
          title={t('canned.openHint')}
          disabled={pending || waitingForTakeover}
          onClick={() => (canned.state.open ? canned.state.close() : canned.openSearch(selection()))}
        >
          {t('canned.open')}
        </button>
      </div>
      {!noteMode && <ReplyWindow id={windowId} option={explained} now={now} />}
      <label className="visually-hidden" htmlFor={inputId}>
        {noteMode ? t('composer.noteLabel') : copy.label}
      </label>
      <div className="composer__field">
        <MentionList id={mentionsId} state={mentions} onPick={pickMention} />
        <CannedPicker
          id={cannedId}
          state={canned.state}
          onPick={canned.pick}
          onSearchKey={(press) => canned.handleKey(press, null)}
          onManage={
            user.role === 'lead' || user.role === 'admin'
              ? () => {
                  canned.state.close();
                  setManaging(true);
                }
              : undefined
          }
        />
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
          aria-autocomplete="list"
          aria-controls={mentions.open ? mentionsId : canned.state.open ? cannedId : undefined}
          aria-activedescendant={
            mentions.open
              ? `${mentionsId}-${mentions.active}`
              : canned.state.open && canned.state.search === null && canned.state.matches.length > 0
                ? `${cannedId}-${canned.state.active}`
                : undefined
          }
          onChange={(event) => {
            // Typing fixes the kind: a DM arriving mid-draft must not redirect a public reply, or vice versa.
            if (pickedKind === null && kind !== null) setPickedKind(kind);
            setText(event.target.value);
            trackCaret(event.target);
            if (noteMode) return;
            if (event.target.value.trim() === '') reporter.stopTyping();
            else reporter.keystroke();
          }}
          onSelect={(event) => trackCaret(event.currentTarget)}
          onFocus={(event) => trackCaret(event.currentTarget)}
          onBlur={() => setCaret(null)}
          onKeyDown={onKeyDown}
        />
      </div>
      {replyingPrompt !== null && (
        <InlineConfirm
          testId="replying"
          question={t('presence.replyingQuestion', { names: replyingPrompt })}
          confirmLabel={t('presence.replyingConfirm')}
          cancelLabel={t('composer.takeover.cancel')}
          onConfirm={() => {
            setReplyingPrompt(null);
            sendReply();
          }}
          onCancel={() => {
            setReplyingPrompt(null);
            input.current?.focus();
          }}
        />
      )}
      {canned.notice !== null && (
        <p className="canned__notice" data-testid="canned-notice" role="status">
          {t(canned.notice.kind === 'unknown' ? 'canned.unknown' : 'canned.empty', {
            names: canned.notice.names,
          })}
        </p>
      )}
      {managing && <CannedManager onClose={() => setManaging(false)} />}
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
      {!noteMode && user.requiresApproval === true && (
        <p data-testid="composer-approval-hint" className="composer__approval">
          {t('approvals.composerHint')}
        </p>
      )}
      <div className="composer__bar">
        <ReplyAttachment
          rule={attachmentRule}
          value={attachment}
          onChange={setAttachment}
          disabled={pending || waitingForTakeover}
        />
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
            : submitLabel(t, user.requiresApproval === true, pending)}
        </button>
      </div>
    </form>
  );
}

/** A guide's or trainee's reply goes to an approver first, and the button says so. */
function submitLabel(t: TFunction, needsApproval: boolean, pending: boolean): string {
  if (needsApproval) return pending ? t('approvals.submitting') : t('approvals.submit');
  return pending ? t('composer.sending') : t('composer.send');
}

import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { queryKeys } from '../../api/queryKeys';
import { newIdempotencyKey } from '../../components/newIdempotencyKey';
import { useCreateNote, useSendReply } from './inboxQueries';
import {
  attemptFor,
  needsTakeover,
  type ReplyAttempt,
  type ReplyDraft,
  replyRequest,
  unresolvedAfterFailure,
  withTakeover,
} from './replyAttempt';

/** A reply the server refused because a colleague has the conversation, waiting for the agent's answer. */
export interface PendingTakeover {
  attempt: ReplyAttempt;
  /** The server's wording, naming the assignee; shown when the cached conversation does not know them. */
  serverMessage: string;
}

/**
 * Sending from the composer: replies with idempotency keys that survive an unclear failure, the takeover
 * question when a colleague has the conversation (answered by resending the very same request with
 * `takeover`), and internal notes. `onSent` runs once the server stored what was sent.
 */
export function useComposerSend(conversationId: string) {
  const queryClient = useQueryClient();
  // A send whose outcome is unknown; sending the same reply again reuses its idempotency key.
  const unresolved = useRef<ReplyAttempt | null>(null);
  const [takeover, setTakeover] = useState<PendingTakeover | null>(null);
  const reply = useSendReply(conversationId);
  const note = useCreateNote(conversationId);

  const sendAttempt = (attempt: ReplyAttempt, onSent: () => void) => {
    unresolved.current = attempt;
    reply.mutate(replyRequest(attempt), {
      onSuccess: () => {
        unresolved.current = null;
        onSent();
      },
      onError: (error) => {
        if (needsTakeover(error)) {
          // Refused, so nothing was stored; the confirmed resend keeps the key all the same.
          unresolved.current = null;
          setTakeover({ attempt, serverMessage: error.message });
          // The header may show an outdated assignee: whoever has it now is who the question names.
          void queryClient.invalidateQueries({
            queryKey: queryKeys.conversation(conversationId),
            exact: true,
          });
          return;
        }
        unresolved.current = unresolvedAfterFailure(attempt, error);
      },
    });
  };

  return {
    sendReply(draft: ReplyDraft, onSent: () => void) {
      sendAttempt(attemptFor(unresolved.current, draft, newIdempotencyKey), onSent);
    },
    confirmTakeover(onSent: () => void) {
      if (takeover === null) return;
      setTakeover(null);
      sendAttempt(withTakeover(takeover.attempt), onSent);
    },
    cancelTakeover() {
      setTakeover(null);
      reply.reset();
    },
    sendNote(text: string, onSent: () => void) {
      note.mutate(text, { onSuccess: onSent });
    },
    takeover,
    replyPending: reply.isPending,
    notePending: note.isPending,
    // The takeover question replaces the 409's error message.
    replyError: takeover === null ? reply.error : null,
    noteError: note.error,
  };
}

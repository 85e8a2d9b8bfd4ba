import { Fragment, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageDto, Platform } from '../../../../common/types';
import type { DraftReviewer } from '../approvals/DraftReview';
import { ContextPost } from './content/ContextPost';
import { ThreadMessage } from './ThreadMessage';
import { contextPostStarts } from './threadContext';

// How close to the bottom still counts as "reading the latest", in pixels.
const STICK_TO_BOTTOM_PX = 80;

/**
 * The thread, oldest first, public posts and direct messages together, with the page post a Facebook
 * comment thread hangs under shown above it. It opens at the newest message and follows new ones, but only while the agent
 * is already at the bottom: someone scrolled up to read history must not be yanked down by a refetch.
 */
interface ThreadProps {
  messages: MessageDto[];
  platform: Platform;
  /** The agent may moderate customers' comments (see mayModerate). */
  canModerate: boolean;
  /** The viewer, for reviewing drafts that need approval. */
  reviewer?: DraftReviewer | null;
}

export function Thread({ messages, platform, canModerate, reviewer = null }: ThreadProps) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const lastId = messages.at(-1)?.id;
  const postStarts = useMemo(() => contextPostStarts(messages), [messages]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: scrolling is triggered by a new last message
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element !== null && atBottom.current) element.scrollTop = element.scrollHeight;
  }, [lastId]);

  const onScroll = () => {
    const element = scroller.current;
    if (element === null) return;
    atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < STICK_TO_BOTTOM_PX;
  };

  return (
    <div className="thread" ref={scroller} onScroll={onScroll}>
      {messages.length === 0 && <p className="placeholder">{t('conversation.noMessages')}</p>}
      {messages.map((message) => (
        <Fragment key={message.id}>
          {message.contextPost !== null && postStarts.has(message.id) && (
            <ContextPost post={message.contextPost} />
          )}
          <ThreadMessage
            message={message}
            platform={platform}
            canModerate={canModerate}
            reviewer={reviewer}
          />
        </Fragment>
      ))}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { MessageDto } from '../../../../../common/types';
import { ExternalLink } from '../../../components/ExternalLink';
import { safeHttpUrl } from './safeUrl';

type ContextPostDto = NonNullable<MessageDto['contextPost']>;

/** The page's own post that a Facebook comment thread hangs under, so the agent reads comments in context. */
export function ContextPost({ post }: { post: ContextPostDto }) {
  const { t } = useTranslation();
  const href = safeHttpUrl(post.url);
  return (
    <figure className="context-post" data-testid="context-post" data-post-id={post.externalId}>
      <figcaption className="context-post__meta">
        <span className="context-post__label">{t('message.contextPost')}</span>
        {href !== null && (
          <ExternalLink href={href} className="context-post__link" testId="context-post-link">
            {t('message.openPost')}
          </ExternalLink>
        )}
      </figcaption>
      <blockquote className="context-post__text" dir="auto" cite={href ?? undefined}>
        {post.text}
      </blockquote>
    </figure>
  );
}

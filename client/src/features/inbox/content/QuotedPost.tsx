import { useTranslation } from 'react-i18next';
import type { QuotedPostDto } from '../../../../../common/types';
import { ExternalLink } from '../../../components/ExternalLink';
import { safeHttpUrl } from './safeUrl';

/** The post a customer quoted, as a card under their text. Its text is shown as plain text. */
export function QuotedPost({ quoted }: { quoted: QuotedPostDto }) {
  const { t } = useTranslation();
  const href = safeHttpUrl(quoted.url);
  return (
    <figure className="quote" data-testid="quoted-post">
      <figcaption className="quote__meta">
        <span className="quote__author" dir="auto">
          {quoted.authorName}
        </span>
        <span className="quote__handle">@{quoted.authorHandle}</span>
        {href !== null && (
          <ExternalLink href={href} className="quote__link">
            {t('message.openQuoted')}
          </ExternalLink>
        )}
      </figcaption>
      <blockquote className="quote__text" dir="auto" cite={href ?? undefined}>
        {quoted.text}
      </blockquote>
    </figure>
  );
}

import { useTranslation } from 'react-i18next';
import type { MediaDto } from '../../../../../common/types';
import { ExternalLink } from '../../../components/ExternalLink';
import { safeHttpUrl } from './safeUrl';

interface MessageMediaProps {
  media: MediaDto[];
  /** The post on the platform: where a video or GIF can be played. */
  externalUrl: string | null;
}

/**
 * Images, and previews of videos and GIFs, of a message. Caredesk does not play videos itself: the preview
 * links to the post on the platform. Sizes are capped in CSS; width/height only reserve the space.
 */
export function MessageMedia({ media, externalUrl }: MessageMediaProps) {
  const { t } = useTranslation();
  const postUrl = safeHttpUrl(externalUrl);
  const items = media.flatMap((item) => {
    const src = safeHttpUrl(item.url);
    return src === null ? [] : [{ item, src }];
  });
  if (items.length === 0) return null;

  return (
    <ul className="media" data-testid="message-media">
      {items.map(({ item, src }, index) => {
        const moving = item.type !== 'photo';
        const alt = item.altText?.trim() || t(`media.${item.type}`);
        const image = (
          <img
            className="media__image"
            src={src}
            alt={alt}
            title={item.altText ?? undefined}
            loading="lazy"
            decoding="async"
            width={item.width ?? undefined}
            height={item.height ?? undefined}
            referrerPolicy="no-referrer"
          />
        );
        const href = moving ? postUrl : src;
        return (
          // Media never reorder within a message, so the position is a stable key.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above; the same image may appear twice
          <li key={index} className="media__item" data-media-type={item.type}>
            {href === null ? image : <ExternalLink href={href}>{image}</ExternalLink>}
            {moving && <span className="media__badge">{t(`media.${item.type}`)}</span>}
          </li>
        );
      })}
    </ul>
  );
}

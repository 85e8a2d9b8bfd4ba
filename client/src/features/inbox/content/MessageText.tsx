import { Fragment } from 'react';
import type { Platform, TextEntities } from '../../../../../common/types';
import { ExternalLink } from '../../../components/ExternalLink';
import { entityHref, splitByEntities } from './textSegments';

interface MessageTextProps {
  text: string;
  entities: TextEntities | null;
  platform: Platform;
}

/**
 * Message text with its links, @mentions and #hashtags clickable. Everything is rendered as React text
 * nodes, so markup in a customer's post shows as the characters they typed and never runs.
 */
export function MessageText({ text, entities, platform }: MessageTextProps) {
  const segments = splitByEntities(text, entities);
  return (
    <p className="msg__text" dir="auto">
      {segments.map((segment, index) => {
        const href = entityHref(segment, platform);
        // Segments never move within one text, so their position is a stable key.
        const key = `${index}:${segment.kind}`;
        if (href === null) return <Fragment key={key}>{segment.text}</Fragment>;
        return (
          <ExternalLink key={key} href={href} className={`msg__entity msg__entity--${segment.kind}`}>
            {segment.text}
          </ExternalLink>
        );
      })}
    </p>
  );
}

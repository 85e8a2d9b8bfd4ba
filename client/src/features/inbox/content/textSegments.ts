import type { Platform, TextEntities } from '../../../../../common/types';
import { safeHttpUrl } from './safeUrl';

/** A run of message text: plain, or an entity the platform marked up (link, @mention, #hashtag). */
export type TextSegment =
  | { kind: 'text'; text: string }
  /** `text` is what to show (the platform's display form), `href` is always http(s). */
  | { kind: 'url'; text: string; href: string }
  | { kind: 'mention'; text: string; username: string }
  | { kind: 'hashtag'; text: string; tag: string };

type Entity =
  | { kind: 'url'; start: number; end: number; href: string | null; display: string }
  | { kind: 'mention'; start: number; end: number; username: string }
  | { kind: 'hashtag'; start: number; end: number; tag: string };

function inRange(start: number, end: number, length: number): boolean {
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= length;
}

function collect(entities: TextEntities): Entity[] {
  const all: Entity[] = [];
  for (const u of entities.urls ?? []) {
    all.push({
      kind: 'url',
      start: u.start,
      end: u.end,
      // The short link only stands in when there is no expanded one; an unsafe expanded URL is not replaced.
      href: safeHttpUrl(u.expandedUrl.trim() === '' ? u.url : u.expandedUrl),
      display: u.displayUrl,
    });
  }
  for (const m of entities.mentions ?? []) {
    all.push({ kind: 'mention', start: m.start, end: m.end, username: m.username });
  }
  for (const h of entities.hashtags ?? [])
    all.push({ kind: 'hashtag', start: h.start, end: h.end, tag: h.tag });
  return all;
}

function toSegment(entity: Entity, original: string): TextSegment {
  switch (entity.kind) {
    case 'url':
      // An unsafe target (javascript:, data:, …) leaves the text exactly as the customer posted it.
      if (entity.href === null) return { kind: 'text', text: original };
      return {
        kind: 'url',
        text: entity.display.trim() === '' ? original : entity.display,
        href: entity.href,
      };
    case 'mention':
      return { kind: 'mention', text: original, username: entity.username };
    case 'hashtag':
      return { kind: 'hashtag', text: original, tag: entity.tag };
  }
}

/**
 * Splits message text into plain runs and entities. Offsets are code points (as X reports them), not the
 * UTF-16 units JavaScript strings index by, so an emoji before a link must not shift it. Entities that are
 * out of range, empty, or overlap one accepted earlier (by start) are ignored rather than trusted: the
 * text is always shown in full, exactly once.
 */
export function splitByEntities(text: string, entities: TextEntities | null): TextSegment[] {
  const codePoints = Array.from(text);
  const candidates = entities === null ? [] : collect(entities);
  const accepted = candidates
    .filter((e) => inRange(e.start, e.end, codePoints.length))
    // Stable sort: at the same start, URLs win over mentions over hashtags (the order collected).
    .sort((a, b) => a.start - b.start);

  const segments: TextSegment[] = [];
  const pushText = (value: string) => {
    if (value === '') return;
    const last = segments.at(-1);
    if (last?.kind === 'text') last.text += value;
    else segments.push({ kind: 'text', text: value });
  };

  let cursor = 0;
  for (const entity of accepted) {
    if (entity.start < cursor) continue;
    pushText(codePoints.slice(cursor, entity.start).join(''));
    const segment = toSegment(entity, codePoints.slice(entity.start, entity.end).join(''));
    if (segment.kind === 'text') pushText(segment.text);
    else segments.push(segment);
    cursor = entity.end;
  }
  pushText(codePoints.slice(cursor).join(''));
  return segments;
}

/** Where an entity links to on the platform; null where the platform has no such page. */
export function entityHref(segment: TextSegment, platform: Platform): string | null {
  switch (segment.kind) {
    case 'text':
      return null;
    case 'url':
      return segment.href;
    case 'mention':
      return platform === 'x' ? `https://x.com/${encodeURIComponent(segment.username)}` : null;
    case 'hashtag':
      return platform === 'x'
        ? `https://x.com/hashtag/${encodeURIComponent(segment.tag)}`
        : `https://www.facebook.com/hashtag/${encodeURIComponent(segment.tag)}`;
  }
}

import { createHash } from 'node:crypto';
import type { MediaStore, MediaType, XMedia } from './media';

/**
 * Chunked media uploads (initialize → append… → finalize → STATUS), as twitter-api-v2 1.29 drives them.
 * None of this is in our reference (channel-apis.md); where X's public docs say something it is followed,
 * the rest is marked UNCONFIRMED.
 */

/** Image and GIF types accepted for upload; video is not simulated. */
export const UPLOAD_MEDIA_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export type UploadMediaType = (typeof UPLOAD_MEDIA_TYPES)[number];

export const MEDIA_CATEGORIES = ['tweet_image', 'tweet_gif', 'dm_image', 'dm_gif'] as const;
export type MediaCategory = (typeof MEDIA_CATEGORIES)[number];

/** X's docs: images up to 5 MB, GIFs up to 15 MB. */
export const MAX_UPLOAD_BYTES: Record<'image' | 'gif', number> = {
  image: 5 * 1024 * 1024,
  gif: 15 * 1024 * 1024,
};
/** X's docs: segment_index 0–999. UNCONFIRMED for v2: one segment at most 5 MB (the v1.1 figure). */
export const MAX_SEGMENT_INDEX = 999;
export const MAX_SEGMENT_BYTES = 5 * 1024 * 1024;
/** UNCONFIRMED: the lifetime of an upload and of its media id; 86400 s is what X's examples show. */
export const UPLOAD_EXPIRES_AFTER_SECS = 86_400;
/** UNCONFIRMED: how long GIF processing takes; X says processing_info comes for GIFs and videos only. */
export const GIF_PROCESSING_SECS = 1;

export interface UploadSession {
  id: string;
  key: string;
  mediaType: UploadMediaType;
  category: MediaCategory;
  totalBytes: number;
  segments: Map<number, Buffer>;
  createdAt: number;
  expiresAt: number;
  /** Set by finalize: the assembled file and the media it became. */
  finalizedAt: number | null;
  data: Buffer | null;
  /** When processing is done (GIFs); photos are ready at finalize. */
  readyAt: number | null;
}

export type FinalizeResult =
  | { ok: true; session: UploadSession; media: XMedia }
  | { ok: false; error: 'already_finalized' | 'no_segments' | 'size_mismatch'; received?: number };

/** Upload sessions by media id; finalized uploads become media in the MediaStore (key `3_<id>` or `16_<id>`). */
export class UploadStore {
  private sessions = new Map<string, UploadSession>();
  private finalizedCount = 0;

  constructor(
    private readonly media: MediaStore,
    private readonly now: () => number,
  ) {}

  start(
    id: string,
    input: { mediaType: UploadMediaType; category: MediaCategory; totalBytes: number },
  ): UploadSession {
    const createdAt = this.now();
    const session: UploadSession = {
      id,
      key: `${KEY_PREFIX[mediaTypeOf(input.mediaType)]}_${id}`,
      ...input,
      segments: new Map(),
      createdAt,
      expiresAt: createdAt + UPLOAD_EXPIRES_AFTER_SECS * 1000,
      finalizedAt: null,
      data: null,
      readyAt: null,
    };
    this.sessions.set(id, session);
    return session;
  }

  /** A session that exists and has not expired. */
  get(id: string): UploadSession | undefined {
    const session = this.sessions.get(id);
    return session && session.expiresAt > this.now() ? session : undefined;
  }

  /** A segment sent again replaces the earlier one (a client retrying a chunk). */
  append(session: UploadSession, index: number, chunk: Buffer): void {
    session.segments.set(index, chunk);
  }

  finalize(session: UploadSession): FinalizeResult {
    if (session.finalizedAt !== null) return { ok: false, error: 'already_finalized' };
    if (session.segments.size === 0) return { ok: false, error: 'no_segments' };
    const data = Buffer.concat(
      [...session.segments.entries()].sort(([a], [b]) => a - b).map(([, chunk]) => chunk),
    );
    if (data.length !== session.totalBytes)
      return { ok: false, error: 'size_mismatch', received: data.length };
    const now = this.now();
    session.finalizedAt = now;
    session.data = data;
    session.readyAt =
      mediaTypeOf(session.mediaType) === 'animated_gif' ? now + GIF_PROCESSING_SECS * 1000 : now;
    this.finalizedCount += 1;
    const media = this.media.create(
      {
        type: mediaTypeOf(session.mediaType),
        // UNCONFIRMED: the URL X gives an uploaded photo; pbs.twimg.com is where media are served from.
        url: `https://pbs.twimg.com/media/${session.id}.${EXTENSION[session.mediaType]}`,
      },
      session.id,
    );
    return { ok: true, session, media };
  }

  /**
   * Whether media with this id can be attached now. Media made through the control API (no upload) are
   * always usable; uploads only once finalized and processed, and not after they expired.
   */
  usable(id: string): 'ok' | 'unknown' | 'expired' | 'not_ready' {
    const session = this.sessions.get(id);
    if (!session) return this.media.getById(id) ? 'ok' : 'unknown';
    if (session.expiresAt <= this.now()) return 'expired';
    if (session.finalizedAt === null || session.readyAt === null || session.readyAt > this.now())
      return 'not_ready';
    return 'ok';
  }

  /** For the control API and tests: what was uploaded, with a digest of the bytes. */
  list(): UploadSession[] {
    return [...this.sessions.values()];
  }

  finalized(): number {
    return this.finalizedCount;
  }

  clear(): void {
    this.sessions = new Map();
    this.finalizedCount = 0;
  }
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function mediaTypeOf(type: UploadMediaType): MediaType {
  return type === 'image/gif' ? 'animated_gif' : 'photo';
}

const KEY_PREFIX: Record<MediaType, string> = { photo: '3', video: '7', animated_gif: '16' };
const EXTENSION: Record<UploadMediaType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/** Media attached to posts and DMs. X names media by key: `<type prefix>_<media id>`. */

export const MEDIA_TYPES = ['photo', 'video', 'animated_gif'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

export interface XMedia {
  id: string;
  key: string;
  type: MediaType;
  /** Photos: the image. Videos and GIFs: the mp4 (served as a variant; X gives them no `url`). */
  url: string;
  previewImageUrl: string | null;
  width: number;
  height: number;
  altText: string | null;
  durationMs: number | null;
}

export interface NewMedia {
  type: MediaType;
  url: string;
  alt_text?: string;
  preview_image_url?: string;
  width?: number;
  height?: number;
}

// Key prefixes as seen on real media keys: 3_ photos, 7_ videos, 16_ animated GIFs.
const KEY_PREFIX: Record<MediaType, string> = { photo: '3', video: '7', animated_gif: '16' };
// UNCONFIRMED: sizes are whatever the control API says; these stand in when it says nothing.
const DEFAULT_SIZE: Record<MediaType, { width: number; height: number }> = {
  photo: { width: 1200, height: 900 },
  video: { width: 1280, height: 720 },
  animated_gif: { width: 498, height: 280 },
};

export class MediaStore {
  private byKey = new Map<string, XMedia>();

  create(input: NewMedia, id: string): XMedia {
    const size = DEFAULT_SIZE[input.type];
    const media: XMedia = {
      id,
      key: `${KEY_PREFIX[input.type]}_${id}`,
      type: input.type,
      url: input.url,
      // A video's poster frame; without one the control API's url stands in for it.
      previewImageUrl: input.type === 'photo' ? null : (input.preview_image_url ?? input.url),
      width: input.width ?? size.width,
      height: input.height ?? size.height,
      altText: input.alt_text ?? null,
      durationMs: input.type === 'video' ? 15_000 : input.type === 'animated_gif' ? 0 : null,
    };
    this.byKey.set(media.key, media);
    return media;
  }

  get(key: string): XMedia | undefined {
    return this.byKey.get(key);
  }

  /** By numeric media id, the form clients send in `attachments[].media_id`. */
  getById(id: string): XMedia | undefined {
    for (const m of this.byKey.values()) if (m.id === id) return m;
    return undefined;
  }

  clear(): void {
    this.byKey = new Map();
  }
}

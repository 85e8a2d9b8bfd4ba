import { z } from 'zod';

/** Facebook fetches images of a few MB at most; UNCONFIRMED exact limit, so we stay well below. */
export const MAX_ATTACHMENT_BYTES = 4 * 1024 * 1024;

export const attachmentTokenSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{32}$/) });

/** The image type by its first bytes; what the browser claims is not trusted. */
export function sniffImageType(data: Buffer): string | null {
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])))
    return 'image/png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 6 && /^GIF8[79]a$/.test(data.subarray(0, 6).toString('latin1'))) return 'image/gif';
  if (
    data.length >= 12 &&
    data.subarray(0, 4).toString('latin1') === 'RIFF' &&
    data.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'image/webp';
  return null;
}

import type { MessageChannel, Platform } from '../../../../common/types';
import { X_MAX_WEIGHTED_LENGTH, xLengthInfo } from '../../../../common/xText';

/** Facebook allows far longer comments; counted in code points as a plain limit. */
export const FACEBOOK_MAX_LENGTH = 8000;

/**
 * Direct-message limits, in characters (code points) rather than X's weighting: X allows 10,000 in a DM,
 * Messenger's Send API 2,000.
 */
export const DM_MAX_LENGTH: Record<Platform, number> = { x: 10_000, facebook: 2000 };

export interface ReplyLength {
  length: number;
  max: number;
  remaining: number;
  valid: boolean;
}

function plainLength(signedText: string, max: number): ReplyLength {
  const length = Array.from(signedText).length;
  return {
    length,
    max,
    remaining: max - length,
    valid: signedText.trim() !== '' && length <= max,
  };
}

/** Length of the text as it will be sent (already signed) against the platform's limit for the channel. */
export function replyLength(
  platform: Platform,
  signedText: string,
  channel: MessageChannel = 'public',
): ReplyLength {
  if (channel === 'dm') return plainLength(signedText, DM_MAX_LENGTH[platform]);
  if (platform === 'x') {
    const info = xLengthInfo(signedText);
    return {
      length: info.weightedLength,
      max: X_MAX_WEIGHTED_LENGTH,
      remaining: info.remaining,
      valid: info.valid,
    };
  }
  return plainLength(signedText, FACEBOOK_MAX_LENGTH);
}

/** Few enough characters left that the counter should catch the agent's eye. */
export function isNearLimit(info: ReplyLength): boolean {
  return info.remaining <= 20;
}

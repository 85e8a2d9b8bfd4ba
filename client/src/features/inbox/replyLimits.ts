import type { Platform } from '../../../../common/types';
import { X_MAX_WEIGHTED_LENGTH, xLengthInfo } from '../../../../common/xText';

/** Facebook allows far longer comments; counted in code points as a plain limit. */
export const FACEBOOK_MAX_LENGTH = 8000;

export interface ReplyLength {
  length: number;
  max: number;
  remaining: number;
  valid: boolean;
}

/** Length of the text as it will be posted (already signed) against the platform's limit. */
export function replyLength(platform: Platform, signedText: string): ReplyLength {
  if (platform === 'x') {
    const info = xLengthInfo(signedText);
    return {
      length: info.weightedLength,
      max: X_MAX_WEIGHTED_LENGTH,
      remaining: info.remaining,
      valid: info.valid,
    };
  }
  const length = Array.from(signedText).length;
  return {
    length,
    max: FACEBOOK_MAX_LENGTH,
    remaining: FACEBOOK_MAX_LENGTH - length,
    valid: signedText.trim() !== '' && length <= FACEBOOK_MAX_LENGTH,
  };
}

/** Few enough characters left that the counter should catch the agent's eye. */
export function isNearLimit(info: ReplyLength): boolean {
  return info.remaining <= 20;
}

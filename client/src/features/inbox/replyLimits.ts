import type { MessageChannel, Platform, ReplyOption } from '../../../../common/types';
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

/** The part of a reply option that decides how a reply is measured. */
export type LengthRule = Pick<ReplyOption, 'maxLength' | 'weighted'>;

function plainLength(signedText: string, max: number): ReplyLength {
  const length = Array.from(signedText).length;
  return {
    length,
    max,
    remaining: max - length,
    valid: signedText.trim() !== '' && length <= max,
  };
}

function weightedLength(signedText: string, max: number): ReplyLength {
  const info = xLengthInfo(signedText);
  const length = info.weightedLength;
  // X's parser also refuses invalid characters, but only judges them within its own 280 limit.
  const parserOk = info.valid || length > X_MAX_WEIGHTED_LENGTH;
  return {
    length,
    max,
    remaining: max - length,
    valid: signedText.trim() !== '' && length <= max && parserOk,
  };
}

/**
 * Length of the text as it will be sent (already signed) against the limit the server gave for the
 * selected reply kind: X's weighted count when `weighted`, code points otherwise.
 */
export function optionLength(rule: LengthRule, signedText: string): ReplyLength {
  return rule.weighted ? weightedLength(signedText, rule.maxLength) : plainLength(signedText, rule.maxLength);
}

/** The limit that applied before the server described reply options; see legacyReplyOptions. */
export function legacyLengthRule(platform: Platform, channel: MessageChannel): LengthRule {
  if (channel === 'dm') return { maxLength: DM_MAX_LENGTH[platform], weighted: false };
  if (platform === 'x') return { maxLength: X_MAX_WEIGHTED_LENGTH, weighted: true };
  return { maxLength: FACEBOOK_MAX_LENGTH, weighted: false };
}

/** Length of the signed text against the platform's own limit for the channel. */
export function replyLength(
  platform: Platform,
  signedText: string,
  channel: MessageChannel = 'public',
): ReplyLength {
  return optionLength(legacyLengthRule(platform, channel), signedText);
}

/** Few enough characters left that the counter should catch the agent's eye. */
export function isNearLimit(info: ReplyLength): boolean {
  return info.remaining <= 20;
}

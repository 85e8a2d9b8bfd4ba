import {
  type ConversationDetail,
  MESSAGE_CHANNELS,
  REPLY_KINDS,
  type ReplyKind,
  type ReplyOption,
} from '../../../../common/types';
import { legacyLengthRule } from './replyLimits';

/**
 * The reply options to offer, one per kind, in a fixed order (public, DM, private reply) so the control
 * looks the same in every conversation. A server that predates reply options (no `replyOptions` at all)
 * gets what the composer offered before: public reply and DM, with the platform's limits.
 */
export function replyOptionsOf(
  conversation: Pick<ConversationDetail, 'platform' | 'replyOptions'>,
): ReplyOption[] {
  const given = conversation.replyOptions as ReplyOption[] | undefined;
  if (given === undefined) {
    return MESSAGE_CHANNELS.map((kind) => ({
      kind,
      allowed: true,
      reason: null,
      until: null,
      ...legacyLengthRule(conversation.platform, kind),
    }));
  }
  return REPLY_KINDS.flatMap((kind) => {
    const option = given.find((candidate) => candidate.kind === kind);
    return option === undefined ? [] : [option];
  });
}

export interface ReplyWindowState {
  /** Allowed by the server and, when it has a deadline, still before it by this browser's clock. */
  allowed: boolean;
  /** Time left until `until`; null without a deadline or once it has passed. */
  remainingMs: number | null;
  /** The deadline has passed: the option closed since the server last described it. */
  expired: boolean;
}

/**
 * Whether an option can be used at `nowMs`. The server's answer is only as fresh as the last fetch, so
 * a deadline passing while the composer is open closes the option here too rather than letting the agent
 * write a reply the platform will refuse.
 */
export function replyWindowState(
  option: Pick<ReplyOption, 'allowed' | 'until'>,
  nowMs: number,
): ReplyWindowState {
  const until = option.until === null ? Number.NaN : Date.parse(option.until);
  if (Number.isNaN(until)) return { allowed: option.allowed, remainingMs: null, expired: false };
  const remainingMs = until - nowMs;
  if (remainingMs <= 0) return { allowed: false, remainingMs: null, expired: true };
  return { allowed: option.allowed, remainingMs, expired: false };
}

/**
 * The kind the composer is on: the agent's pick while it is still offered, else the default, else the
 * first offered kind; null when nothing is offered.
 */
export function currentReplyKind(
  picked: ReplyKind | null,
  fallback: ReplyKind | null,
  options: ReadonlyArray<Pick<ReplyOption, 'kind'>>,
): ReplyKind | null {
  const offered = (kind: ReplyKind | null) => kind !== null && options.some((option) => option.kind === kind);
  if (offered(picked)) return picked;
  if (offered(fallback)) return fallback;
  return options[0]?.kind ?? null;
}

/** Errors a channel adapter throws; processors decide on the class, never on message text. */
export class ChannelError extends Error {
  constructor(
    message: string,
    readonly details: { status?: number; body?: unknown } = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The token is invalid or revoked: mark the account `needs_reauth`, stop retrying. */
export class ChannelAuthError extends ChannelError {}

/** The platform says: not now. Wait `retryAfterMs` before calling this endpoint again. */
export class ChannelRateLimitError extends ChannelError {
  constructor(
    message: string,
    readonly retryAfterMs: number,
    details: { status?: number; body?: unknown } = {},
  ) {
    super(message, details);
  }
}

/** The platform refused this content for good (deleted target, duplicate, too long): show the reason. */
export class ChannelRejectedError extends ChannelError {
  constructor(
    message: string,
    readonly reason: 'duplicate' | 'target_gone' | 'invalid' | 'forbidden',
    details: { status?: number; body?: unknown } = {},
  ) {
    super(message, details);
  }
}

/**
 * 5xx, timeout, connection reset, malformed body: the outcome is unknown. A write may or may not
 * have happened, so a retry of a write must reconcile first.
 */
export class ChannelUnavailableError extends ChannelError {}

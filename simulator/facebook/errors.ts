/**
 * Graph API error bodies (reference §7). Clients must decide on `error.code`, not the HTTP status, so the
 * statuses here are best guesses (UNCONFIRMED except where a comment says otherwise).
 */

export interface GraphErrorFields {
  message: string;
  type: string;
  code: number;
  error_subcode?: number;
  error_user_title?: string;
  error_user_msg?: string;
  is_transient?: boolean;
}

export interface GraphFailure {
  status: number;
  error: GraphErrorFields;
}

const OAUTH = 'OAuthException';

function failure(status: number, error: GraphErrorFields): GraphFailure {
  return { status, error };
}

/** Any token the simulator does not know. Real Graph answers HTTP 400 (as the issue records). */
export function invalidToken(): GraphFailure {
  return failure(400, {
    message: 'Invalid OAuth access token - Cannot parse access token',
    type: OAUTH,
    code: 190,
  });
}

const REVOKED_MESSAGES: Record<number, string> = {
  460: 'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.',
  // UNCONFIRMED wording for 467 and 492.
  467: 'Error validating access token: The session is invalid because the user logged out.',
  492: 'Error validating access token: The user is not an admin, editor, or moderator of this Page.',
};

export function revokedToken(subcode: number): GraphFailure {
  return failure(400, {
    message: REVOKED_MESSAGES[subcode] ?? 'Error validating access token: Session has expired.',
    type: OAUTH,
    code: 190,
    error_subcode: subcode,
  });
}

export function missingToken(): GraphFailure {
  return failure(400, {
    message: 'An access token is required to request this resource.',
    type: OAUTH,
    code: 104,
  });
}

type Method = 'GET' | 'POST' | 'DELETE' | string;

/** The object is unknown, deleted, or does not support the operation: code 100, subcode 33. */
export function unsupportedRequest(method: Method, id: string): GraphFailure {
  return failure(400, {
    message: `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    type: 'GraphMethodException',
    code: 100,
    error_subcode: 33,
  });
}

export function nonexistingField(field: string, nodeType: string): GraphFailure {
  return invalidParameter(`Tried accessing nonexisting field (${field}) on node type (${nodeType})`);
}

export function unknownPath(): GraphFailure {
  // UNCONFIRMED: code 2500 is what Graph answers for a path it cannot parse.
  return failure(400, { message: 'Unknown path components', type: OAUTH, code: 2500 });
}

/** `(#100) …`: a bad parameter. Wording of individual messages is UNCONFIRMED unless noted. */
export function invalidParameter(message: string, subcode?: number): GraphFailure {
  const error: GraphErrorFields = { message: `(#100) ${message}`, type: OAUTH, code: 100 };
  if (subcode !== undefined) error.error_subcode = subcode;
  return failure(400, error);
}

export function cursorTooDeep(): GraphFailure {
  return invalidParameter('The After Cursor specified exceeds the max limit supported by this endpoint');
}

export function unexpectedError(): GraphFailure {
  return failure(500, {
    message: 'An unexpected error has occurred. Please retry your request later.',
    type: OAUTH,
    is_transient: true,
    code: 2,
  });
}

export function appRateLimited(status: number): GraphFailure {
  return failure(status, {
    message: '(#4) Application request limit reached',
    type: OAUTH,
    is_transient: true,
    code: 4,
  });
}

export function pageRateLimited(status: number, code: 32 | 80001): GraphFailure {
  return failure(status, { message: ERROR_MESSAGES[code]!, type: OAUTH, code });
}

export function alreadyRepliedPrivately(): GraphFailure {
  return failure(400, { message: '(#10900) Activity already replied to', type: OAUTH, code: 10900 });
}

/** UNCONFIRMED wording: the private-reply window (7 days) has passed, or the item cannot be answered. */
export function cannotReplyToActivity(): GraphFailure {
  return failure(400, { message: "(#10903) This activity can't be replied to", type: OAUTH, code: 10903 });
}

/** Outside the 24 h (or 7 day HUMAN_AGENT) window; code and subcode from third-party sources (§6). */
export function outsideWindow(): GraphFailure {
  return failure(400, {
    message:
      '(#10) This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview',
    type: OAUTH,
    code: 10,
    error_subcode: 2018278,
  });
}

/** A PSID the Page has never talked to. */
export function noMatchingUser(): GraphFailure {
  return failure(400, {
    message: '(#100) No matching user found',
    type: OAUTH,
    code: 100,
    error_subcode: 2018001,
  });
}

/** The person blocked the Page or cannot receive messages. */
export function personUnavailable(): GraphFailure {
  return failure(400, {
    message: "(#551) This person isn't available right now.",
    type: OAUTH,
    code: 551,
    error_subcode: 1545041,
  });
}

/** Known wording per code, for `code:<n>` faults; unknown codes get a generic message. */
const ERROR_MESSAGES: Record<number, string> = {
  1: 'An unknown error occurred',
  2: 'An unexpected error has occurred. Please retry your request later.',
  4: '(#4) Application request limit reached',
  10: '(#10) This message is sent outside of allowed window.',
  17: '(#17) User request limit reached',
  32: '(#32) Page request limit reached',
  100: '(#100) Invalid parameter',
  190: 'Invalid OAuth access token - Cannot parse access token',
  200: '(#200) Requires pages_manage_engagement permission to manage the object',
  341: '(#341) Application limit reached',
  368: '(#368) The action attempted has been deemed abusive or is otherwise disallowed',
  506: '(#506) Duplicate status message',
  551: "(#551) This person isn't available right now.",
  613: '(#613) Calls to this api have exceeded the rate limit.',
  10900: '(#10900) Activity already replied to',
  10903: "(#10903) This activity can't be replied to",
  10904: '(#10904) Messaging is disabled for this Page or person',
  80001:
    '(#80001) There have been too many calls to this Page account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.',
  80006:
    '(#80006) There have been too many messages sent to this Messenger thread from your Page in a short period of time. Wait an hour and try again.',
};

const DEFAULT_SUBCODES: Record<number, number> = { 551: 1545041, 613: 1996, 10: 2018278 };

/** Codes that are rate limits: their answers carry usage headers at 100. */
export const RATE_LIMIT_CODES: ReadonlySet<number> = new Set([4, 17, 32, 613, 80001, 80006]);

/** The answer of a `code:<n>[:<subcode>]` fault. */
export function errorForCode(code: number, subcode?: number): GraphFailure {
  const error: GraphErrorFields = {
    message: ERROR_MESSAGES[code] ?? `(#${code}) Simulated error`,
    type: code === 100 && subcode === 33 ? 'GraphMethodException' : OAUTH,
    code,
  };
  const sub = subcode ?? DEFAULT_SUBCODES[code];
  if (sub !== undefined) error.error_subcode = sub;
  if (code === 1 || code === 2) error.is_transient = true;
  if (code === 368) {
    // UNCONFIRMED: the user-facing title and text Facebook adds for blocked actions.
    error.error_user_title = 'Action Blocked';
    error.error_user_msg =
      "You can't do this right now. We limit how often you can post, comment or do other things.";
  }
  return failure(statusForCode(code), error);
}

/** UNCONFIRMED: 500 for the transient codes, 403 for permission errors, 400 for everything else. */
function statusForCode(code: number): number {
  if (code === 1 || code === 2) return 500;
  if (code >= 200 && code <= 299) return 403;
  return 400;
}

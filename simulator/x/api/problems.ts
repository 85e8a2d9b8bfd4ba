/**
 * Error bodies of the X API v2, copied from real responses where the reference has them.
 * X leaves `status` out of invalid-request bodies and orders keys differently per error; both are kept.
 */

export interface InvalidParameter {
  parameters: Record<string, string[]>;
  message: string;
}

export const INVALID_REQUEST_TYPE = 'https://api.twitter.com/2/problems/invalid-request';
export const RESOURCE_NOT_FOUND_TYPE = 'https://api.twitter.com/2/problems/resource-not-found';

export const UNAUTHORIZED_BODY = {
  detail: 'Unauthorized',
  status: 401,
  title: 'Unauthorized',
  type: 'about:blank',
};

export const TOO_MANY_REQUESTS_BODY = {
  title: 'Too Many Requests',
  type: 'about:blank',
  status: 429,
  detail: 'Too Many Requests',
};

export const DUPLICATE_BODY = {
  detail: 'You are not allowed to create a Tweet with duplicate content.',
  type: 'about:blank',
  title: 'Forbidden',
  status: 403,
};

// UNCONFIRMED: this is the v1.1 wording (code 385); what v2 says for a deleted or invisible parent is not documented.
export const REPLY_TO_DELETED_BODY = {
  detail: 'You attempted to reply to a Tweet that is deleted or not visible to you.',
  type: 'about:blank',
  title: 'Forbidden',
  status: 403,
};

// UNCONFIRMED: the wording of v2's answer to deleting someone else's (or a missing) post is not documented.
export const DELETE_FORBIDDEN_BODY = {
  detail: 'You are not allowed to delete this Tweet.',
  type: 'about:blank',
  title: 'Forbidden',
  status: 403,
};

// UNCONFIRMED: no recorded 500 body; shaped like the other v2 problems.
export const INTERNAL_ERROR_BODY = {
  title: 'Internal Server Error',
  type: 'about:blank',
  status: 500,
  detail: 'Internal Server Error',
};

// UNCONFIRMED: the body X sends for an unknown v2 path is not recorded in the reference.
export const NOT_FOUND_BODY = {
  title: 'Not Found Error',
  type: 'about:blank',
  status: 404,
  detail: 'Sorry, that page does not exist.',
};

// The v2 answer to an app-only (bearer) token on an endpoint that needs a user context; media upload is
// "user context only" in X's docs. UNCONFIRMED: the exact wording.
export const UNSUPPORTED_AUTH_BODY = {
  title: 'Unsupported Authentication',
  detail:
    'Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].',
  type: 'https://api.twitter.com/2/problems/unsupported-authentication',
  status: 403,
};

// UNCONFIRMED: the body of a 404 for an unknown or expired upload id; shaped like the other v2 problems.
export function mediaNotFoundBody(id: string) {
  return {
    title: 'Not Found Error',
    type: RESOURCE_NOT_FOUND_TYPE,
    status: 404,
    detail: `Could not find media with id: [${id}].`,
  };
}

export function invalidRequestBody(errors: InvalidParameter[]) {
  return {
    errors,
    title: 'Invalid Request',
    detail: 'One or more parameters to your request was invalid.',
    type: INVALID_REQUEST_TYPE,
  };
}

/** The partial-failure entry of a 200 answer, e.g. a referenced post that no longer exists. */
export function notFoundError(resourceType: 'tweet' | 'user', parameter: string, id: string) {
  // UNCONFIRMED: wording follows answers seen for v2 lookups; the reference only gives the field names.
  return {
    value: id,
    detail: `Could not find ${resourceType} with ${parameter}: [${id}].`,
    title: 'Not Found Error',
    resource_type: resourceType,
    parameter,
    resource_id: id,
    type: RESOURCE_NOT_FOUND_TYPE,
  };
}

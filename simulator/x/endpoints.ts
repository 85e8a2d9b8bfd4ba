/**
 * The X API v2 endpoints the simulator serves, named the way faults, rate limits and stats refer to them:
 * "<METHOD> <path template>", exactly as the X documentation writes the path.
 */
export const X_ENDPOINTS = [
  'GET /2/users/me',
  'GET /2/users/:id/mentions',
  'GET /2/users/:id/tweets',
  'GET /2/tweets/search/recent',
  'POST /2/tweets',
  'DELETE /2/tweets/:id',
  'GET /2/dm_events',
  'POST /2/dm_conversations/with/:participant_id/messages',
  // Chunked media upload as twitter-api-v2 1.29 `v2.uploadMedia` calls it (not in our reference).
  'POST /2/media/upload/initialize',
  'POST /2/media/upload/:id/append',
  'POST /2/media/upload/:id/finalize',
  'GET /2/media/upload',
] as const;

export type XEndpoint = (typeof X_ENDPOINTS)[number];

/** Endpoints that return a list (of posts or DM events); only these can hide an item late (drop_then_show). */
export const X_LISTING_ENDPOINTS: readonly XEndpoint[] = [
  'GET /2/users/:id/mentions',
  'GET /2/users/:id/tweets',
  'GET /2/tweets/search/recent',
  'GET /2/dm_events',
];

const PATTERNS: ReadonlyArray<{ method: string; re: RegExp; endpoint: XEndpoint }> = [
  { method: 'GET', re: /^\/2\/users\/me\/?$/, endpoint: 'GET /2/users/me' },
  { method: 'GET', re: /^\/2\/users\/[^/]+\/mentions\/?$/, endpoint: 'GET /2/users/:id/mentions' },
  { method: 'GET', re: /^\/2\/users\/[^/]+\/tweets\/?$/, endpoint: 'GET /2/users/:id/tweets' },
  { method: 'GET', re: /^\/2\/tweets\/search\/recent\/?$/, endpoint: 'GET /2/tweets/search/recent' },
  { method: 'POST', re: /^\/2\/tweets\/?$/, endpoint: 'POST /2/tweets' },
  { method: 'DELETE', re: /^\/2\/tweets\/[^/]+\/?$/, endpoint: 'DELETE /2/tweets/:id' },
  { method: 'GET', re: /^\/2\/dm_events\/?$/, endpoint: 'GET /2/dm_events' },
  {
    method: 'POST',
    re: /^\/2\/dm_conversations\/with\/[^/]+\/messages\/?$/,
    endpoint: 'POST /2/dm_conversations/with/:participant_id/messages',
  },
  { method: 'POST', re: /^\/2\/media\/upload\/initialize\/?$/, endpoint: 'POST /2/media/upload/initialize' },
  {
    method: 'POST',
    re: /^\/2\/media\/upload\/[^/]+\/append\/?$/,
    endpoint: 'POST /2/media/upload/:id/append',
  },
  {
    method: 'POST',
    re: /^\/2\/media\/upload\/[^/]+\/finalize\/?$/,
    endpoint: 'POST /2/media/upload/:id/finalize',
  },
  { method: 'GET', re: /^\/2\/media\/upload\/?$/, endpoint: 'GET /2/media/upload' },
];

export function matchXEndpoint(method: string, path: string): XEndpoint | null {
  for (const p of PATTERNS) {
    if (p.method === method && p.re.test(path)) return p.endpoint;
  }
  return null;
}

export function isXEndpoint(value: string): value is XEndpoint {
  return (X_ENDPOINTS as readonly string[]).includes(value);
}

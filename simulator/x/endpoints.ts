/**
 * The X API v2 endpoints the simulator serves, named the way faults, rate limits and stats refer to them:
 * "<METHOD> <path template>", exactly as the X documentation writes the path.
 */
export const X_ENDPOINTS = [
  'GET /2/users/me',
  'GET /2/users/:id/mentions',
  'GET /2/users/:id/tweets',
  'POST /2/tweets',
  'DELETE /2/tweets/:id',
] as const;

export type XEndpoint = (typeof X_ENDPOINTS)[number];

/** Endpoints that return a list of posts; only these can hide a post late (drop_then_show). */
export const X_LISTING_ENDPOINTS: readonly XEndpoint[] = [
  'GET /2/users/:id/mentions',
  'GET /2/users/:id/tweets',
];

const PATTERNS: ReadonlyArray<{ method: string; re: RegExp; endpoint: XEndpoint }> = [
  { method: 'GET', re: /^\/2\/users\/me\/?$/, endpoint: 'GET /2/users/me' },
  { method: 'GET', re: /^\/2\/users\/[^/]+\/mentions\/?$/, endpoint: 'GET /2/users/:id/mentions' },
  { method: 'GET', re: /^\/2\/users\/[^/]+\/tweets\/?$/, endpoint: 'GET /2/users/:id/tweets' },
  { method: 'POST', re: /^\/2\/tweets\/?$/, endpoint: 'POST /2/tweets' },
  { method: 'DELETE', re: /^\/2\/tweets\/[^/]+\/?$/, endpoint: 'DELETE /2/tweets/:id' },
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

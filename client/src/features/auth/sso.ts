import { useQuery } from '@tanstack/react-query';
import { fetchOidcConfig } from '../../api/authEndpoints';

export const SSO_FAILURES = [
  'invalid_state',
  'provider_error',
  'email_unverified',
  'domain_not_allowed',
  'no_account',
] as const;
export type SsoFailure = (typeof SSO_FAILURES)[number];

/** Whether the server offers "Sign in with SSO" (OIDC_* configured). */
export function useSsoEnabled(): boolean {
  const query = useQuery({
    queryKey: ['auth', 'oidc-config'],
    queryFn: fetchOidcConfig,
    staleTime: Infinity,
  });
  return query.data?.enabled === true;
}

/** The reason the server gave for a refused SSO sign-in (`#/login?sso=<reason>`), if any. */
export function ssoFailureFromHash(hash: string): SsoFailure | null {
  const query = hash.indexOf('?');
  if (query < 0) return null;
  const reason = new URLSearchParams(hash.slice(query + 1)).get('sso');
  return SSO_FAILURES.find((r) => r === reason) ?? null;
}

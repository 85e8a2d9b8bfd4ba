import type { ChangePasswordRequest, OidcConfigResponse } from '../../../common/types';
import { apiRequest } from './http';

/** The signed-in user's own password change; the other sessions end. */
export function changePassword(body: ChangePasswordRequest): Promise<void> {
  return apiRequest<void>('POST', '/api/me/password', body);
}

export function fetchOidcConfig(): Promise<OidcConfigResponse> {
  return apiRequest<OidcConfigResponse>('GET', '/api/auth/oidc/config');
}

/** Where "Sign in with SSO" leads: the server redirects to the provider. */
export const OIDC_START_URL = '/api/auth/oidc/start';

import type { Knex } from 'knex';
import { ChannelAuthError, ChannelUnavailableError } from '../../channels/errors';
import { createChannelAdapter } from '../../channels/registry';
import { getChannelAccount } from '../../db/repositories/channelAccounts';
import { insertOAuthFlow, takeOAuthFlow } from '../../db/repositories/oauthFlows';
import { ConflictError, NotFoundError, ValidationError } from '../../errors';
import { connectXAccount } from '../../runtime/accounts';
import { codeChallengeS256, createCodeVerifier, createOAuthState, hashOAuthState } from '../../security/pkce';
import type { SecretBox } from '../../security/secretBox';

/** X OAuth 2.0 client settings (X_OAUTH2_CLIENT_ID, X_OAUTH2_CLIENT_SECRET, X_OAUTH2_AUTHORIZE_URL). */
export interface XOAuthConfig {
  clientId: string;
  /** Confidential clients authenticate at the token endpoint with HTTP Basic; public ones send client_id. */
  clientSecret?: string | undefined;
  authorizeUrl: string;
  /** Where X sends the admin back: PUBLIC_URL + /api/channel-accounts/x/oauth/callback. */
  redirectUri: string;
}

export interface XOAuthDeps {
  db: Knex;
  secretBox: SecretBox;
  xApiBaseUrl: string;
  xOAuth: XOAuthConfig;
}

/** Scopes for reading mentions/DMs and replying; offline.access yields a refresh token. */
export const X_OAUTH_SCOPES = 'tweet.read tweet.write users.read dm.read dm.write media.write offline.access';
const FLOW_TTL_MS = 10 * 60_000;

/** Starts an authorisation: stores state (hashed) and verifier (encrypted) server-side, returns the URL. */
export async function startXOAuth(
  deps: XOAuthDeps,
  input: { userId: string; reauthAccountId?: string | null },
): Promise<{ authorizeUrl: string }> {
  const state = createOAuthState();
  const verifier = createCodeVerifier();
  await insertOAuthFlow(deps.db, {
    state_hash: hashOAuthState(state),
    code_verifier_encrypted: deps.secretBox.seal(verifier),
    user_id: input.userId,
    reauth_account_id: input.reauthAccountId ?? null,
    redirect_uri: deps.xOAuth.redirectUri,
    expires_at: new Date(Date.now() + FLOW_TTL_MS),
  });
  const url = new URL(deps.xOAuth.authorizeUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: deps.xOAuth.clientId,
    redirect_uri: deps.xOAuth.redirectUri,
    scope: X_OAUTH_SCOPES,
    state,
    code_challenge: codeChallengeS256(verifier),
    code_challenge_method: 'S256',
  }).toString();
  return { authorizeUrl: url.toString() };
}

export interface XTokenResponse {
  access_token: string;
  refresh_token?: string;
  expires_in?: number;
}

/** POST /2/oauth2/token (form-encoded) for either grant. */
export async function requestXToken(
  deps: Pick<XOAuthDeps, 'xApiBaseUrl' | 'xOAuth'>,
  params: Record<string, string>,
): Promise<XTokenResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  const body = new URLSearchParams(params);
  if (deps.xOAuth.clientSecret) {
    const basic = Buffer.from(`${deps.xOAuth.clientId}:${deps.xOAuth.clientSecret}`).toString('base64');
    headers.authorization = `Basic ${basic}`;
  } else {
    body.set('client_id', deps.xOAuth.clientId);
  }
  const res = await fetch(`${new URL(deps.xApiBaseUrl).origin}/2/oauth2/token`, {
    method: 'POST',
    headers,
    body,
    signal: AbortSignal.timeout(15_000),
  });
  const json = (await res.json().catch(() => ({}))) as Partial<XTokenResponse> & { error?: string };
  // Never include the body in the error: it may carry tokens.
  const message = `X refused the token request (${res.status} ${json.error ?? 'no error code'})`;
  if (res.status === 400 || res.status === 401) throw new ChannelAuthError(message, { status: res.status });
  if (!res.ok || !json.access_token) throw new ChannelUnavailableError(message, { status: res.status });
  return json as XTokenResponse;
}

export function credentialsFromTokens(tokens: XTokenResponse, now = Date.now()) {
  return {
    kind: 'oauth2' as const,
    accessToken: tokens.access_token,
    ...(tokens.refresh_token ? { refreshToken: tokens.refresh_token } : {}),
    ...(tokens.expires_in ? { expiresAt: now + tokens.expires_in * 1000 } : {}),
  };
}

/** The callback: redeems the code with the stored verifier and connects (or re-authorises) the account. */
export async function completeXOAuth(
  deps: XOAuthDeps,
  input: { state: string; code: string; userId: string },
) {
  const flow = await takeOAuthFlow(deps.db, hashOAuthState(input.state));
  if (!flow || flow.user_id !== input.userId) {
    throw new ValidationError('This authorisation expired or was not started by you; start again', 'state');
  }
  const tokens = await requestXToken(deps, {
    grant_type: 'authorization_code',
    code: input.code,
    redirect_uri: flow.redirect_uri,
    code_verifier: deps.secretBox.open(flow.code_verifier_encrypted),
  });
  const credentials = credentialsFromTokens(tokens);
  if (flow.reauth_account_id) {
    const existing = await getChannelAccount(deps.db, flow.reauth_account_id);
    if (!existing) throw new NotFoundError('Channel account');
    const adapter = createChannelAdapter(
      'x',
      { externalUserId: '', handle: '', credentials },
      { xApiBaseUrl: deps.xApiBaseUrl },
    );
    const identity = await adapter.verifyCredentials();
    if (identity.externalUserId !== existing.external_user_id) {
      throw new ConflictError(
        'reauth_wrong_account',
        'You signed in to X as a different account than the one to re-authorise',
      );
    }
    return connectXAccount(deps, credentials);
  }
  return connectXAccount(deps, credentials);
}

/**
 * Best effort after a disconnect: revokes the OAuth 2.0 tokens at X (`POST /2/oauth2/revoke`), so a
 * leaked copy is worthless too. A failure is reported to the caller to log; the account is already
 * disconnected here.
 */
export async function revokeXTokens(
  deps: Pick<XOAuthDeps, 'xApiBaseUrl' | 'xOAuth'>,
  tokens: Array<{ token: string; hint: 'access_token' | 'refresh_token' }>,
): Promise<void> {
  for (const { token, hint } of tokens) {
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    const body = new URLSearchParams({ token, token_type_hint: hint });
    if (deps.xOAuth.clientSecret) {
      const basic = Buffer.from(`${deps.xOAuth.clientId}:${deps.xOAuth.clientSecret}`).toString('base64');
      headers.authorization = `Basic ${basic}`;
    } else {
      body.set('client_id', deps.xOAuth.clientId);
    }
    const res = await fetch(`${new URL(deps.xApiBaseUrl).origin}/2/oauth2/revoke`, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(15_000),
    });
    if (!res.ok) throw new Error(`X refused to revoke the ${hint} (${res.status})`);
  }
}

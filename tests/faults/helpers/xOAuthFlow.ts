import { SIM_X_CLIENT_ID, SIM_X_CLIENT_SECRET } from '../../../simulator/oauth/xOAuth2Store';
import type { Stack } from '../../helpers/stack';

/**
 * The admin's side of X's OAuth 2.0 consent against the simulator: open the authorize URL, allow,
 * follow the redirect back to Caredesk's callback with the admin's session. Returns where Caredesk
 * sent the browser (`/?connected=<id>#/accounts` on success).
 */
export async function approveXConsent(
  stack: Stack,
  adminCookie: string,
  authorizeUrl: string,
): Promise<string> {
  const consent = await fetch(authorizeUrl);
  if (consent.status !== 200) throw new Error(`consent page answered ${consent.status}`);
  const url = new URL(authorizeUrl);
  const form = new URLSearchParams(url.searchParams);
  form.set('decision', 'allow');
  const approved = await fetch(`${url.origin}/i/oauth2/authorize`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
  const callback = approved.headers.get('location');
  if (approved.status !== 302 || !callback?.startsWith(stack.web.url))
    throw new Error(`consent was not redirected to Caredesk: ${approved.status} ${callback}`);
  const back = await fetch(callback, { headers: { cookie: adminCookie }, redirect: 'manual' });
  return back.headers.get('location') ?? '';
}

/** The X account's current OAuth 2.0 tokens, read from its encrypted credentials. */
export async function xTokens(
  stack: Stack,
  accountId: string,
): Promise<{ accessToken: string; refreshToken?: string }> {
  const row = await stack.core.db('channel_accounts').where({ id: accountId }).first('credentials_encrypted');
  const credentials = JSON.parse(stack.core.secretBox.open(row.credentials_encrypted)) as {
    accessToken?: string;
    refreshToken?: string;
  };
  if (!credentials.accessToken) throw new Error('the account has no OAuth 2.0 access token');
  return {
    accessToken: credentials.accessToken,
    ...(credentials.refreshToken ? { refreshToken: credentials.refreshToken } : {}),
  };
}

/** Revokes the tokens at the simulator, as a user removing the app's access on X does. */
export async function revokeAtSimulator(
  stack: Stack,
  tokens: { accessToken: string; refreshToken?: string },
) {
  const pairs: Array<[string, string]> = [[tokens.accessToken, 'access_token']];
  if (tokens.refreshToken) pairs.push([tokens.refreshToken, 'refresh_token']);
  for (const [token, hint] of pairs) {
    const res = await fetch(`${stack.sim.url}/2/oauth2/revoke`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${SIM_X_CLIENT_ID}:${SIM_X_CLIENT_SECRET}`).toString('base64')}`,
      },
      body: new URLSearchParams({ token, token_type_hint: hint }),
    });
    if (!res.ok) throw new Error(`the simulator refused to revoke: ${res.status}`);
  }
}

import { SIM_X_CLIENT_ID, SIM_X_CLIENT_SECRET } from '../../simulator/oauth/xOAuth2Store';
import type { Env } from '../env';
import type { XOAuthConfig } from '../services/channelConnection/xOAuth';

/** Path X redirects to after the admin approves; register PUBLIC_URL + this as the app's callback URL. */
export const X_OAUTH_CALLBACK_PATH = '/api/channel-accounts/x/oauth/callback';

/**
 * The X OAuth 2.0 client: X_OAUTH2_CLIENT_ID (+ secret) when set; in demo mode the simulator's own
 * client, so "Connect X" works against its authorize page; otherwise null (connect with keys only).
 */
export function xOAuthConfig(
  env: Pick<Env, 'X_OAUTH2_CLIENT_ID' | 'X_OAUTH2_CLIENT_SECRET' | 'X_OAUTH2_AUTHORIZE_URL' | 'publicUrl'>,
  simulatorUrl: string | null,
): XOAuthConfig | null {
  const redirectUri = `${env.publicUrl}${X_OAUTH_CALLBACK_PATH}`;
  if (env.X_OAUTH2_CLIENT_ID) {
    return {
      clientId: env.X_OAUTH2_CLIENT_ID,
      clientSecret: env.X_OAUTH2_CLIENT_SECRET,
      authorizeUrl: env.X_OAUTH2_AUTHORIZE_URL,
      redirectUri,
    };
  }
  if (!simulatorUrl) return null;
  return {
    clientId: SIM_X_CLIENT_ID,
    clientSecret: SIM_X_CLIENT_SECRET,
    authorizeUrl: `${simulatorUrl}/i/oauth2/authorize`,
    redirectUri,
  };
}

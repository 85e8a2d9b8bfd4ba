import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import * as client from 'openid-client';
import { saveOidcLogin, takeOidcLogin } from '../db/repositories/oidcLogins';
import { findUserByEmail, type UserRow } from '../db/repositories/users';

export interface OidcConfig {
  issuerUrl: string;
  clientId: string;
  clientSecret?: string | undefined;
  redirectUrl: string;
  /** Email domains allowed to sign in (lower case); empty: any domain of an existing user. */
  allowedDomains: string[];
}

/** Why an SSO sign-in was refused; shown on the login screen as `#/login?sso=<reason>`. */
export type OidcFailure =
  | 'invalid_state'
  | 'provider_error'
  | 'email_unverified'
  | 'domain_not_allowed'
  | 'no_account';

export class OidcSignInError extends Error {
  constructor(readonly reason: OidcFailure) {
    super(`SSO sign-in refused: ${reason}`);
  }
}

const LOGIN_MAX_AGE_MS = 10 * 60_000;
const hashState = (state: string) => createHash('sha256').update(state).digest('base64url');

/**
 * OpenID Connect sign-in with openid-client: authorization code flow with PKCE (S256), state and
 * nonce. Users are matched by their verified email; nobody is created here (accounts are invited).
 */
export function createOidc(config: OidcConfig, db: Knex) {
  let discovered: Promise<client.Configuration> | null = null;
  const configuration = () => {
    discovered ??= client
      .discovery(new URL(config.issuerUrl), config.clientId, config.clientSecret, undefined, {
        // http only for a loopback issuer (tests, local provider); env.ts refuses http elsewhere.
        ...(new URL(config.issuerUrl).protocol === 'http:'
          ? { execute: [client.allowInsecureRequests] }
          : {}),
      })
      .catch((error: unknown) => {
        discovered = null;
        throw error;
      });
    return discovered;
  };

  return {
    /** Where to send the browser, and the state to bind to it with a cookie. */
    async start(): Promise<{ url: string; state: string }> {
      const cfg = await configuration();
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      await saveOidcLogin(db, { stateHash: hashState(state), codeVerifier, nonce });
      const url = client.buildAuthorizationUrl(cfg, {
        redirect_uri: config.redirectUrl,
        scope: 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url: url.href, state };
    },

    /** Completes the sign-in from the callback's query; returns the matching active user. */
    async finish(query: URLSearchParams, cookieState: string | undefined): Promise<UserRow> {
      const state = query.get('state');
      if (!state || !cookieState || state !== cookieState) throw new OidcSignInError('invalid_state');
      const pending = await takeOidcLogin(db, hashState(state), LOGIN_MAX_AGE_MS);
      if (!pending) throw new OidcSignInError('invalid_state');
      const callbackUrl = new URL(config.redirectUrl);
      callbackUrl.search = query.toString();
      let claims: Record<string, unknown> | undefined;
      try {
        const cfg = await configuration();
        const tokens = await client.authorizationCodeGrant(cfg, callbackUrl, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
        const idToken = tokens.claims();
        claims = idToken as Record<string, unknown> | undefined;
        // Many providers put email only in the UserInfo answer (OIDC Core 5.4); its `sub` must match.
        if (idToken && typeof idToken.email !== 'string') {
          claims = await client.fetchUserInfo(cfg, tokens.access_token, idToken.sub);
        }
      } catch {
        throw new OidcSignInError('provider_error');
      }
      const email = typeof claims?.email === 'string' ? claims.email.trim().toLowerCase() : '';
      if (!email || claims?.email_verified !== true) throw new OidcSignInError('email_unverified');
      const domain = email.slice(email.lastIndexOf('@') + 1);
      if (config.allowedDomains.length > 0 && !config.allowedDomains.includes(domain)) {
        throw new OidcSignInError('domain_not_allowed');
      }
      const user = await findUserByEmail(db, email);
      if (!user?.active) throw new OidcSignInError('no_account');
      return user;
    },
  };
}

export type Oidc = ReturnType<typeof createOidc>;

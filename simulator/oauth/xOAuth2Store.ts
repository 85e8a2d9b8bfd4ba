import { createHash, randomBytes } from 'node:crypto';

/** The simulator's OAuth 2.0 client (what a developer app's "Client ID" / "Client Secret" would be). */
export const SIM_X_CLIENT_ID = 'sim-x-client-id';
export const SIM_X_CLIENT_SECRET = 'sim-x-client-secret';

/** OAuth 1.0a keys the simulator accepts (signatures are not checked, see oauth1Identity). */
export const SIM_X_OAUTH1 = {
  appKey: 'sim-x-consumer-key',
  appSecret: 'sim-x-consumer-secret',
  accessToken: 'sim-x-oauth1-token',
  accessSecret: 'sim-x-oauth1-secret',
};
const SIM_OAUTH1_IDENTITY = `oauth1:${SIM_X_OAUTH1.appKey}:${SIM_X_OAUTH1.accessToken}`;

/** X documents access tokens valid for two hours; codes are short-lived (30 s per X docs, UNCONFIRMED). */
export const ACCESS_TOKEN_TTL_MS = 2 * 60 * 60_000;
const CODE_TTL_MS = 30_000;

interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  scope: string;
  expiresAt: number;
}

interface IssuedToken {
  scope: string;
  expiresAt: number;
}

/**
 * Authorization codes, access and refresh tokens of the X OAuth 2.0 stand-in (PKCE S256 only).
 * Refresh tokens rotate: using one revokes it and issues a new pair, as X does with `offline.access`.
 */
export class XOAuth2Store {
  private readonly codes = new Map<string, PendingCode>();
  private readonly access = new Map<string, IssuedToken>();
  private readonly refresh = new Map<string, string>();
  /** Lifetime of new access tokens; tests shorten it to exercise refresh. */
  accessTokenTtlMs = ACCESS_TOKEN_TTL_MS;
  refreshCount = 0;

  constructor(private readonly now: () => number) {}

  issueCode(input: Omit<PendingCode, 'expiresAt'>): string {
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, { ...input, expiresAt: this.now() + CODE_TTL_MS });
    return code;
  }

  /** Redeems a code once; null with the OAuth error name when the grant is invalid. */
  redeemCode(input: {
    code: string;
    clientId: string;
    redirectUri: string;
    verifier: string;
  }): { error: string } | TokenPair {
    const pending = this.codes.get(input.code);
    this.codes.delete(input.code);
    if (!pending || pending.expiresAt < this.now()) return { error: 'invalid_grant' };
    if (pending.clientId !== input.clientId || pending.redirectUri !== input.redirectUri) {
      return { error: 'invalid_grant' };
    }
    const challenge = createHash('sha256').update(input.verifier).digest('base64url');
    if (challenge !== pending.challenge) return { error: 'invalid_grant' };
    return this.issuePair(pending.scope);
  }

  redeemRefresh(token: string): { error: string } | TokenPair {
    const scope = this.refresh.get(token);
    if (scope === undefined) return { error: 'invalid_request' };
    this.refresh.delete(token);
    this.refreshCount += 1;
    return this.issuePair(scope);
  }

  isAccessTokenValid(token: string): boolean {
    if (token === SIM_OAUTH1_IDENTITY) return true;
    const t = this.access.get(token);
    return t !== undefined && t.expiresAt > this.now();
  }

  isKnownAccessToken(token: string): boolean {
    return this.access.has(token);
  }

  revoke(token: string): void {
    this.access.delete(token);
    this.refresh.delete(token);
  }

  private issuePair(scope: string): TokenPair {
    const accessToken = randomBytes(24).toString('base64url');
    const refreshToken = randomBytes(24).toString('base64url');
    this.access.set(accessToken, { scope, expiresAt: this.now() + this.accessTokenTtlMs });
    if (scope.split(' ').includes('offline.access')) this.refresh.set(refreshToken, scope);
    return {
      token_type: 'bearer',
      expires_in: Math.floor(this.accessTokenTtlMs / 1000),
      access_token: accessToken,
      scope,
      ...(scope.split(' ').includes('offline.access') ? { refresh_token: refreshToken } : {}),
    };
  }
}

export interface TokenPair {
  token_type: 'bearer';
  expires_in: number;
  access_token: string;
  scope: string;
  refresh_token?: string;
}

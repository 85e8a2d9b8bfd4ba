import type { Knex } from 'knex';
import type { ChannelAccountRow } from '../../db/repositories/channelAccounts';
import type { Logger } from '../../logger';
import type { SecretBox } from '../../security/secretBox';
import { credentialsFromTokens, requestXToken, type XOAuthConfig } from './xOAuth';

/** Refresh when less than this is left: a poll or send must never run on a token about to expire. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

interface StoredOAuth2 {
  kind: 'oauth2';
  accessToken: string;
  refreshToken?: string;
  expiresAt?: number;
}

/**
 * Returns the account with fresh X OAuth 2.0 credentials, refreshing (and persisting) them when they
 * expire within REFRESH_MARGIN_MS. Race-safe across workers: the refresh runs under a row lock
 * (`for update`) and re-reads the credentials first, because X rotates refresh tokens and a second
 * refresh with the old one would fail and lock the account out. This is the one place a network call
 * runs inside a transaction, deliberately: the lock is what serialises the refresh.
 */
export async function ensureFreshXCredentials(
  deps: {
    db: Knex;
    secretBox: SecretBox;
    xApiBaseUrl: string;
    xOAuth: XOAuthConfig | null;
    logger: Logger;
    now?: () => number;
  },
  account: ChannelAccountRow,
): Promise<ChannelAccountRow> {
  const now = deps.now ?? Date.now;
  if (account.platform !== 'x' || !account.credentials_encrypted || !deps.xOAuth) return account;
  if (!needsRefresh(deps.secretBox.open(account.credentials_encrypted), now())) return account;
  const xOAuth = deps.xOAuth;
  return deps.db.transaction(async (trx) => {
    const locked = (await trx('channel_accounts').where({ id: account.id }).forUpdate().first()) as
      | ChannelAccountRow
      | undefined;
    if (!locked?.credentials_encrypted) return locked ?? account;
    const current = JSON.parse(deps.secretBox.open(locked.credentials_encrypted)) as StoredOAuth2;
    if (!needsRefresh(JSON.stringify(current), now())) return locked;
    if (!current.refreshToken) return locked;
    const tokens = await requestXToken(
      { xApiBaseUrl: deps.xApiBaseUrl, xOAuth },
      { grant_type: 'refresh_token', refresh_token: current.refreshToken },
    );
    const sealed = deps.secretBox.seal(JSON.stringify(credentialsFromTokens(tokens, now())));
    const [row] = await trx('channel_accounts')
      .where({ id: account.id })
      .update({ credentials_encrypted: sealed, updated_at: trx.fn.now() })
      .returning('*');
    deps.logger.info({ channelAccountId: account.id }, 'refreshed X OAuth 2.0 token');
    return row as ChannelAccountRow;
  });
}

function needsRefresh(plaintext: string, now: number): boolean {
  const c = JSON.parse(plaintext) as Partial<StoredOAuth2>;
  return c.kind === 'oauth2' && typeof c.expiresAt === 'number' && c.expiresAt - now < REFRESH_MARGIN_MS;
}

import { type Request, Router } from 'express';
import type { Knex } from 'knex';
import { ChannelAuthError } from '../../channels/errors';
import type { ChannelEndpoints } from '../../channels/registry';
import { getChannelAccount } from '../../db/repositories/channelAccounts';
import { disconnectChannelAccount } from '../../db/repositories/oauthFlows';
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors';
import type { Logger } from '../../logger';
import { currentUser } from '../../middleware/auth';
import { validate } from '../../middleware/validate';
import { notifyEvent } from '../../realtime/bus';
import { connectXAccount } from '../../runtime/accounts';
import type { SecretBox } from '../../security/secretBox';
import { connectFacebookPageFromUserToken } from '../../services/channelConnection/facebookPages';
import {
  completeXOAuth,
  revokeXTokens,
  startXOAuth,
  type XOAuthConfig,
} from '../../services/channelConnection/xOAuth';
import { recordAudit } from '../../services/recordAudit';
import {
  accountParamsSchema,
  connectFacebookSchema,
  connectXKeysSchema,
  oauthCallbackQuerySchema,
  startXOAuthSchema,
} from './schema';

/** What connecting channels needs besides the database; absent in setups that cannot connect. */
export interface ChannelConnectionConfig {
  secretBox: SecretBox;
  endpoints: ChannelEndpoints;
  /** X OAuth 2.0 client; null when X_OAUTH2_CLIENT_ID is not set (keys still work). */
  xOAuth: XOAuthConfig | null;
}

/** The platform refusing the credentials is the admin's input error (400), not a server fault. */
async function rejectedAsInvalid<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof ChannelAuthError)
      throw new ValidationError('The platform did not accept these credentials');
    throw err;
  }
}

function requireAdmin(req: Request): string {
  const user = currentUser(req);
  if (user.role !== 'admin') throw new ForbiddenError('Only admins connect and disconnect channel accounts');
  return user.id;
}

/**
 * Admin routes that connect, re-authorise and disconnect channel accounts. Responses carry account
 * ids and names only: tokens never leave the server, and are never logged.
 */
export function channelConnectionRouter(deps: { db: Knex; logger: Logger; config: ChannelConnectionConfig }) {
  const router = Router();
  const { config } = deps;
  const log = deps.logger.child({ category: 'channel-connection' });
  const xDeps = () => {
    if (!config.xOAuth)
      throw new AppError('x_oauth_not_configured', 'Set X_OAUTH2_CLIENT_ID to connect X with OAuth 2.0', 503);
    return {
      db: deps.db,
      secretBox: config.secretBox,
      xApiBaseUrl: config.endpoints.xApiBaseUrl,
      xOAuth: config.xOAuth,
    };
  };
  const announce = async (channelAccountId: string) => {
    await notifyEvent(deps.db, { type: 'account.updated', channelAccountId });
  };

  router.post('/x/oauth/start', async (req, res) => {
    const userId = requireAdmin(req);
    validate(startXOAuthSchema, req.body ?? {});
    res.json(await startXOAuth(xDeps(), { userId }));
  });

  // X redirects the admin's browser here (a top-level GET, so the SameSite=Lax session cookie comes along).
  router.get('/x/oauth/callback', async (req, res) => {
    const userId = requireAdmin(req);
    const query = validate(oauthCallbackQuerySchema, req.query);
    if (query.error || !query.code) {
      res.redirect(303, `/?connectError=${encodeURIComponent(query.error ?? 'no_code')}#/accounts`);
      return;
    }
    try {
      const account = await completeXOAuth(xDeps(), { state: query.state, code: query.code, userId });
      log.info({ channelAccountId: account.id, userId }, 'X account connected (OAuth 2.0)');
      await announce(account.id);
      res.redirect(303, `/?connected=${account.id}#/accounts`);
    } catch (err) {
      log.warn({ userId, err: err instanceof Error ? err.message : String(err) }, 'X OAuth callback failed');
      const code = err instanceof AppError ? err.code : 'connect_failed';
      res.redirect(303, `/?connectError=${encodeURIComponent(code)}#/accounts`);
    }
  });

  router.post('/x/keys', async (req, res) => {
    const userId = requireAdmin(req);
    const keys = validate(connectXKeysSchema, req.body);
    const account = await rejectedAsInvalid(
      connectXAccount(
        { db: deps.db, secretBox: config.secretBox, xApiBaseUrl: config.endpoints.xApiBaseUrl },
        { kind: 'oauth1', ...keys },
      ),
    );
    log.info({ channelAccountId: account.id, userId }, 'X account connected (OAuth 1.0a keys)');
    await announce(account.id);
    res.status(201).json({ item: { id: account.id, platform: account.platform, handle: account.handle } });
  });

  router.post('/facebook', async (req, res) => {
    const userId = requireAdmin(req);
    const input = validate(connectFacebookSchema, req.body);
    const account = await connectFacebookPageFromUserToken(
      { db: deps.db, secretBox: config.secretBox, endpoints: config.endpoints },
      input,
    );
    log.info({ channelAccountId: account.id, userId }, 'Facebook page connected');
    await announce(account.id);
    res.status(201).json({ item: { id: account.id, platform: account.platform, handle: account.handle } });
  });

  router.post('/:id/reauthorise', async (req, res) => {
    const userId = requireAdmin(req);
    const { id } = validate(accountParamsSchema, req.params);
    const account = await getChannelAccount(deps.db, id);
    if (!account) throw new NotFoundError('Channel account');
    if (account.status !== 'needs_reauth') {
      throw new ConflictError('not_needs_reauth', 'Only an account marked needs_reauth is re-authorised');
    }
    if (account.platform !== 'x') {
      throw new ConflictError('reauth_via_connect', 'Reconnect a Facebook page with a new user token');
    }
    res.json(await startXOAuth(xDeps(), { userId, reauthAccountId: id }));
  });

  router.delete('/:id', async (req, res) => {
    const userId = requireAdmin(req);
    const { id } = validate(accountParamsSchema, req.params);
    const account = await getChannelAccount(deps.db, id);
    if (!account || !(await disconnectChannelAccount(deps.db, id)))
      throw new NotFoundError('Channel account');
    log.info({ channelAccountId: id, userId }, 'channel account disconnected');
    await recordAudit(
      deps.db,
      {
        actorUserId: userId,
        actorKind: 'user',
        action: 'channel.disconnected',
        targetType: 'channel_account',
        targetId: id,
        data: { platform: account.platform, handle: account.handle },
      },
      req,
    );
    await announce(id);
    res.status(204).end();
    // After the answer: the account is disconnected whatever X says about the revocation.
    const revocable = account.platform === 'x' && account.credentials_encrypted && config.xOAuth;
    if (revocable) {
      const creds = JSON.parse(config.secretBox.open(account.credentials_encrypted!)) as Record<
        string,
        unknown
      >;
      if (creds.kind === 'oauth2') {
        const tokens = [
          { token: creds.refreshToken, hint: 'refresh_token' as const },
          { token: creds.accessToken, hint: 'access_token' as const },
        ].filter(
          (t): t is { token: string; hint: 'refresh_token' | 'access_token' } => typeof t.token === 'string',
        );
        await revokeXTokens(
          { xApiBaseUrl: config.endpoints.xApiBaseUrl, xOAuth: config.xOAuth! },
          tokens,
        ).catch((err: unknown) =>
          log.warn(
            { channelAccountId: id, err: err instanceof Error ? err.message : String(err) },
            'token revocation failed',
          ),
        );
      }
    }
  });

  return router;
}

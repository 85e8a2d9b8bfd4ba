import { randomBytes } from 'node:crypto';
import type { Env, XCredentials } from '../env';
import type { Logger } from '../logger';
import { connectFacebookPage, connectXAccount } from './accounts';
import type { Core } from './core';

export interface FacebookConfig {
  pageToken: string;
  graphBaseUrl: string;
  graphVersion: string;
  appSecret: string | undefined;
  verifyToken: string | undefined;
}

export interface ChannelConfig {
  xApiBaseUrl: string;
  xCredentials: XCredentials | null;
  facebook: FacebookConfig | null;
}

/** The simulator's page token (simulator/facebook/options.ts). */
export const SIMULATOR_FB_PAGE_TOKEN = 'sim-fb-page-token';

/**
 * Which channels to connect: the X_* and FB_* settings, or in demo mode the simulator (X and the
 * Facebook page), with fresh webhook secrets for this run.
 */
export function channelConfig(env: Env, simulatorUrl: string | null, xSimToken: string): ChannelConfig {
  if (simulatorUrl) {
    return {
      xApiBaseUrl: simulatorUrl,
      xCredentials: { kind: 'oauth2', accessToken: xSimToken },
      facebook: {
        pageToken: SIMULATOR_FB_PAGE_TOKEN,
        graphBaseUrl: simulatorUrl,
        graphVersion: env.FB_GRAPH_VERSION,
        appSecret: randomBytes(16).toString('hex'),
        verifyToken: randomBytes(16).toString('hex'),
      },
    };
  }
  return {
    xApiBaseUrl: env.X_API_BASE_URL,
    xCredentials: env.xCredentials,
    facebook: env.FB_PAGE_ACCESS_TOKEN
      ? {
          pageToken: env.FB_PAGE_ACCESS_TOKEN,
          graphBaseUrl: env.FB_GRAPH_BASE_URL,
          graphVersion: env.FB_GRAPH_VERSION,
          appSecret: env.FB_APP_SECRET,
          verifyToken: env.FB_VERIFY_TOKEN,
        }
      : null,
  };
}

/** Connects the configured accounts; a failure is logged and leaves the others running. */
export async function connectChannels(core: Core, channels: ChannelConfig, log: Logger): Promise<void> {
  if (channels.xCredentials) {
    try {
      const account = await connectXAccount(
        { db: core.db, secretBox: core.secretBox, xApiBaseUrl: channels.xApiBaseUrl },
        channels.xCredentials,
      );
      log.info({ channelAccountId: account.id, handle: account.handle }, 'X account connected');
    } catch (error) {
      log.error({ err: error }, 'could not connect the configured X account; check the X_* settings');
    }
  }
  const fb = channels.facebook;
  if (fb) {
    try {
      const page = await connectFacebookPage(
        {
          db: core.db,
          secretBox: core.secretBox,
          endpoints: {
            xApiBaseUrl: channels.xApiBaseUrl,
            fbGraphBaseUrl: fb.graphBaseUrl,
            fbGraphVersion: fb.graphVersion,
            ...(fb.appSecret ? { fbAppSecret: fb.appSecret } : {}),
          },
        },
        fb.pageToken,
      );
      log.info({ channelAccountId: page.id, page: page.handle }, 'Facebook page connected');
    } catch (error) {
      log.error({ err: error }, 'could not connect the configured Facebook page; check the FB_* settings');
    }
  }
}

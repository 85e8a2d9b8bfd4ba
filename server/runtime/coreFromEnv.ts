import type { SecretBox } from '../security/secretBox';
import type { ChannelConfig } from './channels';
import { type Core, createCore } from './core';
import type { ProcessRuntime } from './process';
import { xOAuthConfig } from './xOAuthConfig';

/**
 * The shared services of any entry point, from the configuration: database pool, queues, channel
 * adapters. Their closing is registered on the process's shutdown (after whatever uses them).
 */
export function coreFromEnv(
  rt: ProcessRuntime,
  input: {
    databaseUrl: string;
    secretBox: SecretBox;
    channels: ChannelConfig;
    /** The demo simulator's URL (all-in-one demo mode only). */
    simulatorUrl: string | null;
  },
): Core {
  const { env } = rt;
  const { channels } = input;
  const core = createCore({
    env,
    logger: rt.logger,
    databaseUrl: input.databaseUrl,
    poolMax: env.DATABASE_POOL_MAX,
    secretBox: input.secretBox,
    xApiBaseUrl: channels.xApiBaseUrl,
    requestTimeoutMs: env.X_REQUEST_TIMEOUT_MS,
    facebook: {
      graphBaseUrl: channels.facebook?.graphBaseUrl ?? env.FB_GRAPH_BASE_URL,
      graphVersion: env.FB_GRAPH_VERSION,
      appSecret: channels.facebook?.appSecret,
    },
    publicUrl: env.publicUrl,
    xOAuth: xOAuthConfig(env, input.simulatorUrl),
  });
  rt.shutdown.defer('database pool', () => core.db.destroy());
  rt.shutdown.defer('queues', () => core.queues.close());
  return core;
}

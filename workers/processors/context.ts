import type { Knex } from 'knex';
import type { AdapterProvider } from '../../server/channels/adapterProvider';
import type { Logger } from '../../server/logger';
import type { QueueSet } from '../../server/queues/backend';
import type { DeliverDeps } from '../../server/services/deliverReply';
import type { PollDeps } from '../../server/services/pollAccount';

/** What every processor gets from the composition root. */
export interface WorkerContext {
  db: Knex;
  queues: QueueSet;
  adapters: AdapterProvider;
  logger: Logger;
  pollEveryMs: number;
  /** PUBLIC_URL: where platforms fetch reply attachments from. */
  publicUrl?: string;
  /** Refreshes X OAuth 2.0 tokens before they expire (see ensureFreshXCredentials). */
  refreshCredentials?: PollDeps['refreshCredentials'];
  /** Fault tests only: throw at a delivery step to simulate a crash there. */
  crashAt?: DeliverDeps['crashAt'];
}

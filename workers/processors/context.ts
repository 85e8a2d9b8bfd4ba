import type { Knex } from 'knex';
import type { AdapterProvider } from '../../server/channels/adapterProvider';
import type { Logger } from '../../server/logger';
import type { QueueSet } from '../../server/queues/backend';

/** What every processor gets from the composition root. */
export interface WorkerContext {
  db: Knex;
  queues: QueueSet;
  adapters: AdapterProvider;
  logger: Logger;
  pollEveryMs: number;
}

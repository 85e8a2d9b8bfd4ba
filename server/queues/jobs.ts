import { z } from 'zod';

/** Queue names. One queue per kind of work so each can be scaled and watched on its own. */
export const QUEUES = {
  poll: 'poll',
  ingest: 'ingest',
  outbound: 'outbound',
  maintenance: 'maintenance',
  assignment: 'assignment',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Job payloads carry ids only; the row in PostgreSQL is the truth. */
export const pollJobSchema = z.object({ channelAccountId: z.uuid() });
/** At most this many stored items per ingest job (one X poll page), ingested in one transaction. */
export const INGEST_BATCH_SIZE = 100;

/** A batch of stored items (one poll page); `inboundItemId` is the single-item form jobs had before. */
export const ingestJobSchema = z.union([
  z.object({ inboundItemIds: z.array(z.string().regex(/^\d+$/)).min(1).max(1000) }),
  z.object({ inboundItemId: z.string().regex(/^\d+$/) }),
]);
export const outboundJobSchema = z.object({ messageId: z.uuid() });
export const maintenanceJobSchema = z.object({ task: z.literal('sweep') });
/** One auto-assignment pass over a team's queue. */
export const assignmentJobSchema = z.object({ teamId: z.uuid() });

export type PollJob = z.infer<typeof pollJobSchema>;
export type IngestJob = z.infer<typeof ingestJobSchema>;
export type OutboundJob = z.infer<typeof outboundJobSchema>;
export type MaintenanceJob = z.infer<typeof maintenanceJobSchema>;
export type AssignmentJob = z.infer<typeof assignmentJobSchema>;

export interface JobPayloads {
  poll: PollJob;
  ingest: IngestJob;
  outbound: OutboundJob;
  maintenance: MaintenanceJob;
  assignment: AssignmentJob;
}

/** BullMQ forbids ':' in custom job ids. */
export const jobId = (...parts: string[]) => parts.join('-').replaceAll(':', '_');

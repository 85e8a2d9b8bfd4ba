import { ingestLag } from './metrics';

/**
 * Records platform creation -> commit for one ingested item. A clock skew that puts the platform
 * time in the future counts as zero rather than being dropped.
 */
export function observeIngestLag(
  platform: string,
  platformCreatedAt: string,
  now: number = Date.now(),
): void {
  const created = Date.parse(platformCreatedAt);
  if (!Number.isFinite(created)) return;
  ingestLag.observe({ platform }, Math.max(0, (now - created) / 1000));
}

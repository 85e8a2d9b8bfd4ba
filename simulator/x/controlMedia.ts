import express, { type Router } from 'express';
import type { SimulatorState } from './store';
import { sha256 } from './uploads';

/**
 * What was uploaded through the media endpoints, for tests: each upload with its digest and where it is
 * attached, and the uploaded bytes themselves.
 */
export function createXMediaControlRouter(state: SimulatorState): Router {
  const router = express.Router();

  router.get('/_sim/x/media', (_req, res) => {
    const posts = state.allPosts();
    const dms = state.dms.eventsOf(state.brand.id);
    const data = state.uploads.list().map((u) => ({
      id: u.id,
      media_key: u.key,
      media_type: u.mediaType,
      media_category: u.category,
      total_bytes: u.totalBytes,
      segments: u.segments.size,
      state: u.finalizedAt === null ? 'uploading' : 'finalized',
      ...(u.data ? { size: u.data.length, sha256: sha256(u.data) } : {}),
      created_at: new Date(u.createdAt).toISOString(),
      expires_at: new Date(u.expiresAt).toISOString(),
      posts: posts.filter((p) => p.mediaKeys.includes(u.key)).map((p) => p.id),
      dms: dms.filter((e) => e.mediaKeys.includes(u.key)).map((e) => e.id),
    }));
    res.json({ data });
  });

  router.get('/_sim/x/media/:id/content', (req, res) => {
    const upload = state.uploads.list().find((u) => u.id === req.params.id);
    if (!upload?.data) {
      res.status(404).json({ error: `no finalized upload with id ${req.params.id}` });
      return;
    }
    res.setHeader('content-type', upload.mediaType);
    res.end(upload.data);
  });

  return router;
}

import express, { type ErrorRequestHandler, type Router } from 'express';
import type { SimulatorState } from '../store';
import { dmEventsHandler, sendDmHandler } from './dms';
import { xRequestPipeline } from './pipeline';
import { invalidRequestBody, NOT_FOUND_BODY } from './problems';
import { sendProblem } from './respond';
import { searchRecentHandler } from './search';
import { createPostHandler, deletePostHandler } from './tweets';
import {
  appendUploadHandler,
  finalizeUploadHandler,
  initializeUploadHandler,
  uploadStatusHandler,
} from './upload';
import { meHandler, mentionsHandler, userTweetsHandler } from './users';

/** The X API v2 surface, mounted at the origin root so paths read /2/... as on api.x.com. */
export function createXApiRouter(state: SimulatorState): Router {
  const router = express.Router();
  router.use('/2', xRequestPipeline(state));
  router.get('/2/users/me', meHandler(state));
  router.get('/2/users/:id/mentions', mentionsHandler(state));
  router.get('/2/users/:id/tweets', userTweetsHandler(state));
  router.get('/2/tweets/search/recent', searchRecentHandler(state));
  router.post('/2/tweets', express.json({ limit: '1mb' }), createPostHandler(state));
  router.delete('/2/tweets/:id', deletePostHandler(state));
  router.get('/2/dm_events', dmEventsHandler(state));
  router.post(
    '/2/dm_conversations/with/:participant_id/messages',
    express.json({ limit: '1mb' }),
    sendDmHandler(state),
  );
  router.post('/2/media/upload/initialize', express.json({ limit: '1mb' }), initializeUploadHandler(state));
  router.post(
    '/2/media/upload/:id/append',
    express.raw({ type: 'multipart/form-data', limit: '6mb' }),
    express.json({ limit: '8mb' }),
    appendUploadHandler(state),
  );
  router.post('/2/media/upload/:id/finalize', express.json({ limit: '1mb' }), finalizeUploadHandler(state));
  router.get('/2/media/upload', uploadStatusHandler(state));
  router.use('/2', (_req, res) => sendProblem(res, 404, NOT_FOUND_BODY));
  router.use('/2', bodyErrorHandler);
  return router;
}

const bodyErrorHandler: ErrorRequestHandler = (err, _req, res, next) => {
  if (typeof err === 'object' && err !== null && 'type' in err && err.type === 'entity.parse.failed') {
    // UNCONFIRMED: X's wording for a body that is not JSON.
    sendProblem(
      res,
      400,
      invalidRequestBody([{ parameters: { $: [] }, message: '$: request body is not valid JSON' }]),
    );
    return;
  }
  next(err);
};

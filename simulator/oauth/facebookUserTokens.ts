import express, { type Response, type Router } from 'express';
import type { FacebookState } from '../facebook/store';

/** The user access token the simulator accepts (what Facebook Login would hand a page admin). */
export const SIM_FB_USER_TOKEN = 'sim-fb-user-token';

/**
 * `GET /{version}/me/accounts` with a user access token lists the pages the user manages, each with
 * its page access token and the tasks the user may perform (reference §10: a page token obtained from
 * a long-lived user token does not expire). `GET /{version}/me/permissions` lists granted permissions.
 * Paging shape and the task names follow Graph docs; the exact error for a page token here is UNCONFIRMED.
 */
export function createFacebookUserTokenRouter(state: FacebookState): Router {
  const router = express.Router();
  router.get(/^\/v\d+\.\d+\/me\/(accounts|permissions)\/?$/, (req, res) => {
    const token = bearerOrQuery(req.headers.authorization, req.query.access_token);
    if (token !== SIM_FB_USER_TOKEN) return graphAuthError(res);
    if (req.path.includes('/permissions')) {
      res.json({
        data: [
          'pages_show_list',
          'pages_read_engagement',
          'pages_read_user_content',
          'pages_manage_engagement',
          'pages_messaging',
          'pages_manage_metadata',
        ].map((permission) => ({ permission, status: 'granted' })),
      });
      return;
    }
    const pageToken = state.options.pageTokens[0] ?? '';
    res.json({
      data: [
        {
          access_token: pageToken,
          category: 'Telecommunication Company',
          category_list: [{ id: '2258', name: 'Telecommunication Company' }],
          name: state.page.name,
          id: state.page.id,
          tasks: ['ANALYZE', 'ADVERTISE', 'MESSAGING', 'MODERATE', 'CREATE_CONTENT', 'MANAGE'],
        },
      ],
      paging: { cursors: { before: 'QVFIUk1', after: 'QVFIUk1' } },
    });
  });
  return router;
}

function bearerOrQuery(header: string | undefined, query: unknown): string | null {
  if (header?.startsWith('Bearer ')) return header.slice(7);
  return typeof query === 'string' ? query : null;
}

function graphAuthError(res: Response): void {
  res.status(400).json({
    error: {
      message: 'Invalid OAuth access token - Cannot parse access token',
      type: 'OAuthException',
      code: 190,
      fbtrace_id: 'AsimFbTrace',
    },
  });
}

import type { NextFunction, Request, Response } from 'express';
import { ForbiddenError } from '../errors';
import { type Action, assertCan } from './permissions';

/**
 * The permission every signed-in API route needs, by `METHOD /api/path` as the routers declare it.
 * Deny by default: a route with no entry here answers 403 for everyone, and the authorization
 * matrix test fails until the new route is listed (tests/integration/authorizationMatrix.test.ts).
 */
export const ROUTE_PERMISSIONS: Record<string, Action> = {
  'GET /api/me': 'self.manage',
  'PATCH /api/me': 'self.manage',
  'POST /api/me/password': 'self.manage',
  'POST /api/users/:id/password-reset': 'settings.manage',
  'GET /api/conversations': 'conversation.read',
  'POST /api/conversations/bulk': 'conversation.work',
  'GET /api/conversations/counts': 'conversation.read',
  'GET /api/conversations/:id': 'conversation.read',
  'PATCH /api/conversations/:id': 'conversation.work',
  'POST /api/conversations/:id/assign': 'conversation.work',
  'POST /api/conversations/:id/claim': 'conversation.work',
  'POST /api/conversations/:id/notes': 'conversation.work',
  'GET /api/conversations/:id/events': 'conversation.read',
  'POST /api/conversations/:id/replies': 'conversation.reply',
  'POST /api/messages/:id/retry': 'conversation.reply',
  'POST /api/messages/:id/moderation': 'message.moderate',
  'GET /api/messages/drafts': 'draft.review',
  'POST /api/messages/:id/approve': 'draft.review',
  'POST /api/messages/:id/reject': 'draft.review',
  'GET /api/channel-accounts': 'directory.read',
  'PATCH /api/channel-accounts/:id/settings': 'channelAccount.configure',
  'GET /api/users': 'directory.read',
  'GET /api/presence': 'conversation.read',
  'GET /api/teams': 'directory.read',
  'GET /api/dashboard': 'dashboard.read',
  'GET /api/saved-filters': 'self.manage',
  'POST /api/saved-filters': 'self.manage',
  'DELETE /api/saved-filters/:id': 'self.manage',
  'GET /api/contacts/:id': 'conversation.read',
  'GET /api/notifications': 'self.manage',
  'POST /api/notifications/read': 'self.manage',
  'GET /api/canned-responses': 'canned.read',
  'POST /api/canned-responses': 'canned.manage',
  'GET /api/canned-responses/:id': 'canned.read',
  'PATCH /api/canned-responses/:id': 'canned.manage',
  'DELETE /api/canned-responses/:id': 'canned.manage',
  'POST /api/attachments': 'conversation.reply',
  'GET /api/search': 'conversation.read',
  'GET /api/sla': 'sla.read',
  'POST /api/sla/policies': 'sla.manage',
  'DELETE /api/sla/policies': 'sla.manage',
  'POST /api/sla/calendars/:teamId/hours': 'sla.manage',
  'DELETE /api/sla/calendars/:teamId/hours': 'sla.manage',
  'POST /api/sla/calendars/:teamId/holidays': 'sla.manage',
  'DELETE /api/sla/holidays/:id': 'sla.manage',
  'GET /api/routing-rules': 'routing.read',
  'POST /api/routing-rules/dry-run': 'routing.read',
  'POST /api/routing-rules/reorder': 'routing.manage',
  'POST /api/routing-rules': 'routing.manage',
  'PATCH /api/routing-rules/:id': 'routing.manage',
  'DELETE /api/routing-rules/:id': 'routing.manage',
  'GET /api/routing/settings': 'routing.read',
  'PATCH /api/routing/teams/:id': 'routing.manage',
  'PATCH /api/routing/agents/:id': 'routing.manage',
  'GET /api/routing/availability': 'self.manage',
  'PATCH /api/routing/availability': 'self.manage',
  'GET /api/reports': 'reports.read',
  // Users, invitations, the audit log and connecting channels: admins only.
  'GET /api/users/manage': 'settings.manage',
  'POST /api/users/invites': 'settings.manage',
  'PATCH /api/users/:id': 'settings.manage',
  'POST /api/users/:id/deactivate': 'settings.manage',
  'POST /api/users/:id/reactivate': 'settings.manage',
  'GET /api/audit': 'settings.manage',
  'POST /api/channel-accounts/x/oauth/start': 'settings.manage',
  'GET /api/channel-accounts/x/oauth/callback': 'settings.manage',
  'POST /api/channel-accounts/x/keys': 'settings.manage',
  'POST /api/channel-accounts/facebook': 'settings.manage',
  'POST /api/channel-accounts/:id/reauthorise': 'settings.manage',
  'DELETE /api/channel-accounts/:id': 'settings.manage',
  // The queue dashboard (bull-board: its own routes below the prefix, `*` = any rest): admins only.
  'GET /admin/queues/*': 'settings.manage',
  'POST /admin/queues/*': 'settings.manage',
  'PUT /admin/queues/*': 'settings.manage',
  'PATCH /admin/queues/*': 'settings.manage',
  'DELETE /admin/queues/*': 'settings.manage',
};

interface CompiledRoute {
  method: string;
  segments: string[];
  action: Action;
}

const compiled: CompiledRoute[] = Object.entries(ROUTE_PERMISSIONS).map(([key, action]) => {
  const [method = '', path = ''] = key.split(' ');
  return { method, segments: path.split('/').filter(Boolean), action };
});

/** The permission a request needs, or undefined when the route is not listed. */
export function actionFor(method: string, path: string): Action | undefined {
  const m = method === 'HEAD' ? 'GET' : method;
  const parts = path.split('/').filter(Boolean);
  // Literal segments win over parameters (`/conversations/counts` before `/conversations/:id`).
  let best: { action: Action; literals: number } | undefined;
  for (const route of compiled) {
    const rest = route.segments.at(-1) === '*';
    const fixed = rest ? route.segments.length - 1 : route.segments.length;
    if (route.method !== m || (rest ? parts.length < fixed : parts.length !== fixed)) continue;
    let literals = 0;
    const ok = route.segments.every((seg, i) => {
      if (seg.startsWith(':') || seg === '*') return true;
      literals++;
      return seg === parts[i];
    });
    if (ok && (!best || literals > best.literals)) best = { action: route.action, literals };
  }
  return best?.action;
}

/** Central guard after `requireUser`: every API request is checked against ROUTE_PERMISSIONS. */
export function guardRoutes(req: Request, _res: Response, next: NextFunction) {
  try {
    const path = `${req.baseUrl}${req.path}`.replace(/\/$/, '');
    const action = actionFor(req.method, path);
    if (!action) throw new ForbiddenError(`No permission is defined for ${req.method} ${path}`);
    assertCan(req.user, action);
    next();
  } catch (error) {
    next(error);
  }
}

import { can } from './permissions';
import { actionFor } from './routePermissions';

describe('route permissions', () => {
  it('finds the action of a route, literal segments before parameters', () => {
    expect(actionFor('GET', '/api/conversations/counts')).toBe('conversation.read');
    expect(actionFor('POST', '/api/conversations/bulk')).toBe('conversation.work');
    expect(actionFor('POST', '/api/conversations/8d0c7d2e-1f1a-4a57-9d1b-2b6f8f0f2f11/replies')).toBe(
      'conversation.reply',
    );
    expect(actionFor('HEAD', '/api/reports')).toBe('reports.read');
  });
  it('matches a trailing * against the prefix and anything below it, never a sibling', () => {
    expect(actionFor('GET', '/admin/queues')).toBe('settings.manage');
    expect(actionFor('PUT', '/admin/queues/api/queues/outbound/retry/failed')).toBe('settings.manage');
    expect(actionFor('GET', '/admin/queuesx')).toBeUndefined();
    expect(actionFor('GET', '/admin')).toBeUndefined();
    expect(actionFor('OPTIONS', '/admin/queues')).toBeUndefined();
  });
  it('lists no action for an unknown route or method (the guard then denies)', () => {
    expect(actionFor('GET', '/api/secrets')).toBeUndefined();
    expect(actionFor('PUT', '/api/me')).toBeUndefined();
    expect(actionFor('GET', '/api/conversations/x/y/z')).toBeUndefined();
  });
  it('grants by role', () => {
    expect(can({ role: 'guide' }, 'conversation.reply')).toBe(true);
    expect(can({ role: 'guide' }, 'draft.review')).toBe(false);
    expect(can({ role: 'agent' }, 'settings.manage')).toBe(false);
    expect(can({ role: 'lead' }, 'sla.manage')).toBe(false);
    expect(can({ role: 'admin' }, 'sla.manage')).toBe(true);
    expect(can({ role: 'nobody' }, 'conversation.read')).toBe(false);
  });
});

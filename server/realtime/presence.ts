import type { Knex } from 'knex';
import type { Socket } from 'socket.io';
import { z } from 'zod';
import { PRESENCE_REPORT } from '../../common/types';
import { conversationVisible } from '../db/repositories/accountVisibility';
import type { Logger } from '../logger';
import { endPresence, reportPresence } from '../services/reportPresence';

const presenceReportSchema = z.object({ conversationId: z.uuid().nullable(), typing: z.boolean() }).strict();

/**
 * Takes a tab's presence reports (what it shows, whether its agent types) and forgets the tab when
 * the socket goes. Bad reports are dropped with a warning: presence is advisory and must never break
 * the connection.
 */
export function handlePresence(socket: Socket, deps: { db: Knex; logger: Logger }): void {
  const userId = socket.data.userId as string;
  const log = deps.logger.child({ category: 'presence', userId });
  // Reports are handled one at a time per tab, so a quick "typing" then "stopped" cannot land reversed.
  let queue: Promise<void> = Promise.resolve();
  const run = (work: () => Promise<void>) => {
    queue = queue.then(work).catch((error: unknown) => log.warn({ err: error }, 'presence update failed'));
  };

  socket.on(PRESENCE_REPORT, (payload: unknown) => {
    const parsed = presenceReportSchema.safeParse(payload);
    if (!parsed.success) {
      log.warn({ issues: parsed.error.issues }, 'invalid presence report dropped');
      return;
    }
    const { conversationId } = parsed.data;
    run(async () => {
      // A tab may only announce itself on a conversation its user may see.
      if (conversationId && !(await conversationVisible(deps.db, userId, conversationId))) {
        log.warn({ conversationId }, 'presence on a conversation the user may not see dropped');
        return;
      }
      await reportPresence(deps.db, { socketId: socket.id, userId, ...parsed.data });
    });
  });
  socket.on('disconnect', () => run(() => endPresence(deps.db, socket.id)));
}

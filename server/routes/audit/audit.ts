import { stringify } from 'csv-stringify/sync';
import { Router } from 'express';
import type { Knex } from 'knex';
import type { AuditEntryDto, AuditPageResponse } from '../../../common/audit';
import { type AuditFilter, searchAuditLog } from '../../db/repositories/auditLog';
import { ForbiddenError } from '../../errors';
import { currentUser } from '../../middleware/auth';
import { validate } from '../../middleware/validate';
import { auditQuerySchema } from './schema';

/** The CSV export reads in pages of this size and stops at EXPORT_MAX rows (narrow the filter). */
const EXPORT_PAGE = 1000;
const EXPORT_MAX = 100_000;

function csvOf(entries: AuditEntryDto[]): string {
  return stringify(
    entries.map((e) => [
      e.id,
      e.at,
      e.actorKind,
      e.actorUserId ?? '',
      e.actorName ?? '',
      e.action,
      e.targetType ?? '',
      e.targetId ?? '',
      e.ip ?? '',
      e.userAgent ?? '',
      JSON.stringify(e.data),
    ]),
    {
      header: true,
      columns: [
        'id',
        'at',
        'actor_kind',
        'actor_user_id',
        'actor_name',
        'action',
        'target_type',
        'target_id',
        'ip',
        'user_agent',
        'data',
      ],
      // A cell starting with = + - @ would be a formula in a spreadsheet: prefix it (CSV injection).
      cast: { string: (v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v) },
    },
  );
}

/** `GET /api/audit`: the audit log for admins, filtered, newest first, keyset-paged or as CSV. */
export function auditRouter(deps: { db: Knex }): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    if (currentUser(req).role !== 'admin') throw new ForbiddenError('The audit log is for admins');
    const input = validate(auditQuerySchema, req.query);
    const filter: AuditFilter = {
      actorUserId: input.actor,
      action: input.action,
      from: input.from,
      to: input.to,
      text: input.q || undefined,
      beforeId: input.cursor,
      limit: input.limit,
    };
    if (input.format === 'csv') {
      const all: AuditEntryDto[] = [];
      for (;;) {
        const page = await searchAuditLog(deps.db, { ...filter, limit: EXPORT_PAGE });
        all.push(...page);
        const last = page.at(-1);
        if (page.length < EXPORT_PAGE || !last || all.length >= EXPORT_MAX) break;
        filter.beforeId = last.id;
      }
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', 'attachment; filename="caredesk-audit-log.csv"');
      res.send(csvOf(all.slice(0, EXPORT_MAX)));
      return;
    }
    const entries = await searchAuditLog(deps.db, { ...filter, limit: input.limit + 1 });
    const page = entries.slice(0, input.limit);
    const body: AuditPageResponse = {
      entries: page,
      nextCursor: entries.length > input.limit ? (page.at(-1)?.id ?? null) : null,
    };
    res.json(body);
  });
  return router;
}

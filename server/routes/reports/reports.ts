import { Router } from 'express';
import type { Knex } from 'knex';
import type { ReportResponse } from '../../../common/reports';
import { ForbiddenError } from '../../errors';
import { currentUser } from '../../middleware/auth';
import { validate } from '../../middleware/validate';
import { buildReport } from '../../services/reports/buildReport';
import { reportCsv } from '../../services/reports/reportCsv';
import { reportQuerySchema } from './schema';

/**
 * `GET /api/reports?from&to&groupBy&metric[&format=csv]`: response-time metrics and volumes per hour of
 * day, day, channel, account, team or agent. Leads and admins only.
 */
export function reportsRouter(deps: { db: Knex }): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const user = currentUser(req);
    if (user.role !== 'lead' && user.role !== 'admin')
      throw new ForbiddenError('Reports are for leads and admins');
    const input = validate(reportQuerySchema, req.query);
    const report: ReportResponse = await buildReport(deps.db, {
      from: input.from,
      to: input.to,
      groupBy: input.groupBy,
      metrics: input.metric,
    });
    if (input.format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="caredesk-report-${input.from}-${input.to}-${input.groupBy}.csv"`,
      );
      res.send(reportCsv(report));
      return;
    }
    res.json(report);
  });
  return router;
}

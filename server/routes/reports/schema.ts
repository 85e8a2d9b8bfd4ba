import { z } from 'zod';
import { REPORT_GROUPINGS, REPORT_METRICS, type ReportMetric } from '../../../common/reports';

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-10-25')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'must be a real date');

export const reportQuerySchema = z
  .object({
    from: isoDay,
    to: isoDay,
    groupBy: z.enum(REPORT_GROUPINGS).default('day'),
    // `all`, one metric, or a comma-separated list.
    metric: z
      .string()
      .default('all')
      .transform((v, ctx): ReportMetric[] => {
        if (v === 'all') return [...REPORT_METRICS];
        const list = [...new Set(v.split(','))];
        for (const m of list) {
          if (!(REPORT_METRICS as readonly string[]).includes(m)) {
            ctx.addIssue({ code: 'custom', message: `unknown metric ${m}` });
            return z.NEVER;
          }
        }
        return list as ReportMetric[];
      }),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .refine((q) => q.from <= q.to, { message: 'must not be after to', path: ['from'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 <= 366, {
    message: 'the range is at most 366 days',
    path: ['to'],
  });

export type ReportQueryInput = z.infer<typeof reportQuerySchema>;

/**
 * The zone whose days and hours the reports group by (a day is a day in Berlin, not in UTC). Stored per
 * event (`local_day`, `local_hour`) and in the rollups, so changing it means recomputing the metrics.
 */
export const REPORT_TIME_ZONE = 'Europe/Berlin';

/** The reports screen, so a reload or a shared link opens it again. */
export const REPORTS_HASH = '#/reports';

export function isReportsHash(hash: string): boolean {
  return hash === REPORTS_HASH;
}

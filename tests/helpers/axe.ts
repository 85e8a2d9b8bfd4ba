import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = fs.readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/**
 * axe-core's WCAG 2 A/AA findings inside `selector` (default: the whole document), evaluated over CDP so
 * the page's CSP allows it. Contrast, names of controls, roles and ARIA use are among the rules.
 */
export async function axeViolations(
  page: Page,
  selector = 'body',
): Promise<Array<{ id: string; impact: string | null; help: string; targets: string[] }>> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(
    async (sel) =>
      (
        await (
          window as unknown as {
            axe: { run(ctx: string, opts: object): Promise<{ violations: AxeViolation[] }> };
          }
        ).axe.run(sel, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } })
      ).violations,
    selector,
  );
  return violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.flatMap((n) => n.target),
  }));
}

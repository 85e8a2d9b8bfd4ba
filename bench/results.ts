import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where `npm run bench` leaves its figures: one flat object of numbers (and a few descriptive strings). */
export const RESULTS_FILE = path.resolve('bench/results.json');

export type BenchFigures = Record<string, number | string>;

/**
 * Merges one benchmark's figures into bench/results.json, so running a single benchmark
 * (`npm run bench -- ingest`) updates its keys and keeps the others from the last full run.
 */
export function recordResults(figures: BenchFigures): BenchFigures {
  const current: BenchFigures = existsSync(RESULTS_FILE)
    ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as BenchFigures)
    : {};
  const next = { ...current, ...figures, recorded_at: new Date().toISOString() };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(sortKeys(next), null, 2)}\n`);
  return next;
}

/** Prints figures as an aligned two-column table. */
export function printTable(title: string, figures: BenchFigures): void {
  const rows = Object.entries(figures);
  const width = Math.max(...rows.map(([k]) => k.length), 10);
  console.info(`\n${title}`);
  for (const [key, value] of rows) {
    const shown = typeof value === 'number' ? formatNumber(value) : value;
    console.info(`  ${key.padEnd(width)}  ${shown}`);
  }
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function sortKeys(figures: BenchFigures): BenchFigures {
  return Object.fromEntries(Object.entries(figures).sort(([a], [b]) => a.localeCompare(b)));
}
